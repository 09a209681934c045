package dev.vigil.incident.domain;

import dev.vigil.events.Severity;
import java.util.Objects;

/**
 * Which incidents an operator's listing shows: a state, and optionally one severity and one
 * component (an incident belongs to a component if it ever held it at some status).
 *
 * @param state open, resolved or all
 * @param severity only incidents of this severity, or {@code null} for any
 * @param component only incidents that affected this component id, or {@code null} for any
 */
public record IncidentSearch(IncidentFilter state, Severity severity, String component) {

  public IncidentSearch {
    Objects.requireNonNull(state, "state");
    component = component == null || component.isBlank() ? null : component.strip();
  }

  public static IncidentSearch of(IncidentFilter state) {
    return new IncidentSearch(state, null, null);
  }
}
