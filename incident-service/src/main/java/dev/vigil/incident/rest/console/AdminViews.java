package dev.vigil.incident.rest.console;

import java.util.List;
import java.util.Map;

/** Views of the console's component and maintenance pages. */
public final class AdminViews {

  private AdminViews() {}

  /** Components with their current status. */
  public record ComponentList(Operator operator, List<ComponentRow> rows, String notice) {}

  public record ComponentRow(
      String id, String name, String status, String statusLabel, String match) {}

  /**
   * The create/edit form of a component.
   *
   * @param existing whether the id is fixed (editing) or typed (creating)
   * @param impacts one select per severity: name {@code impact.CRITICAL} etc.
   */
  public record ComponentForm(
      Operator operator,
      boolean existing,
      Map<String, String> values,
      List<ImpactChoice> impacts,
      FormError error) {

    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    /** The message when {@code field} is at fault, else {@code null}. */
    public String errorFor(String field) {
      return error != null && error.concerns(field) ? error.message() : null;
    }

    /** A message about the form as a whole (no field named), else {@code null}. */
    public String formError() {
      return error != null && error.field() == null ? error.message() : null;
    }
  }

  /** The status alerts of one severity put the component in. */
  public record ImpactChoice(String severity, List<Option> statuses) {}

  /** Maintenance windows not yet over. */
  public record MaintenanceList(Operator operator, List<MaintenanceRow> rows, String notice) {}

  public record MaintenanceRow(
      String id,
      String title,
      String status,
      String startsAt,
      String endsAt,
      String components,
      String createdBy) {}

  /**
   * The create/edit form of a maintenance window; {@code id} empty when creating.
   *
   * @param components one checkbox per component
   */
  public record MaintenanceForm(
      Operator operator,
      String id,
      Map<String, String> values,
      List<Option> components,
      FormError error) {

    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    public String errorFor(String field) {
      return error != null && error.concerns(field) ? error.message() : null;
    }

    public String formError() {
      return error != null && error.field() == null ? error.message() : null;
    }
  }
}
