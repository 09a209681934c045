package dev.vigil.incident.rest.console;

import java.util.List;
import java.util.Map;

/**
 * One incident in the console: facts, alerts, public updates (drafts too), timeline, and the forms
 * a responder acts with.
 *
 * @param notice what the last action did, or {@code null}
 * @param error why the last form was refused, or {@code null}
 * @param values what the operator typed, so a refused form keeps it
 * @param approvalRequired whether the status page waits for a published update
 */
public record IncidentPageView(
    Operator operator,
    String id,
    String title,
    String severity,
    String status,
    boolean open,
    boolean acknowledged,
    String groupKey,
    String openedAt,
    String acknowledgedText,
    String resolvedText,
    int activeAlerts,
    List<Alert> alerts,
    List<Update> updates,
    List<Entry> timeline,
    List<Option> publicStatuses,
    String notice,
    FormError error,
    Map<String, String> values,
    boolean approvalRequired,
    String escalationText) {

  /** One alert of the incident. */
  public record Alert(
      String name, String fingerprint, String severity, String status, String summary) {}

  /** One public update; a draft can be published from the page. */
  public record Update(
      String id,
      String status,
      String title,
      String body,
      String author,
      String createdAt,
      boolean published,
      String publishedBy) {}

  /** One line of the timeline. */
  public record Entry(String at, String kind, String actor, String message) {}

  /** The error message when the refused form is {@code form}, else {@code null}. */
  public String errorFor(String form) {
    return error != null && error.form().equals(form) ? error.message() : null;
  }

  /** Whether the refused form is {@code form} and its field {@code field} is at fault. */
  public boolean invalid(String form, String field) {
    return error != null && error.form().equals(form) && error.concerns(field);
  }

  /** What the operator last typed into {@code name}, or empty. */
  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** Whether the resolve form was refused because alerts still fire. */
  public boolean stillFiring() {
    return error != null && error.form().equals("resolve") && error.status() == 409;
  }
}
