package dev.vigil.incident.rest.page;

import java.util.List;

/**
 * What the HTML status page renders, already in display form: the template only lays it out.
 *
 * @param title page title
 * @param indicator Statuspage indicator (none, minor, major, critical, maintenance), a CSS class
 * @param description the one-line status
 * @param components components in page order
 * @param incidents open public incidents
 * @param maintenances scheduled or running maintenance
 * @param generatedAt when the page was rendered, ISO-8601
 * @param days how many days the uptime bars cover
 */
public record StatusPageView(
    String title,
    String indicator,
    String description,
    List<ComponentRow> components,
    List<IncidentRow> incidents,
    List<MaintenanceRow> maintenances,
    String generatedAt,
    int days) {

  /** One component with its uptime bars. */
  public record ComponentRow(
      String name,
      String description,
      String status,
      String statusLabel,
      String uptime,
      List<Bar> bars) {}

  /** One day of a component: CSS class by its worst status, and a tooltip. */
  public record Bar(String cssClass, String title) {}

  public record IncidentRow(
      String name, String status, String impact, String body, String since, String components) {}

  public record MaintenanceRow(String title, String status, String window, String components) {}
}
