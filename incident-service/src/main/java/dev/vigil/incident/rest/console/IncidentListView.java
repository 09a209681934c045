package dev.vigil.incident.rest.console;

import dev.vigil.incident.domain.Incident;
import java.util.List;

/**
 * The console's incident list: filters, one page of rows and the link to the next page.
 *
 * @param error why the filters were refused, or {@code null}
 * @param nextPage URL of the next page, or {@code null} on the last page
 * @param filtered whether any filter differs from the default (a "clear filters" link)
 */
public record IncidentListView(
    Operator operator,
    List<Option> statuses,
    List<Option> severities,
    List<Option> components,
    List<Row> rows,
    String error,
    String nextPage,
    boolean filtered) {

  /** One incident in the list. */
  public record Row(
      String id,
      String title,
      String severity,
      String status,
      String openedAt,
      String acknowledgedBy,
      int activeAlerts) {

    static Row of(Incident i) {
      return new Row(
          i.id().toString(),
          i.title(),
          i.severity().name().toLowerCase(java.util.Locale.ROOT),
          i.status().name().toLowerCase(java.util.Locale.ROOT),
          Times.show(i.openedAt()),
          i.acknowledgedBy() == null ? "" : i.acknowledgedBy(),
          i.activeAlerts());
    }
  }
}
