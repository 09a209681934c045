package dev.vigil.incident.service;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import java.util.Objects;

/**
 * One alert event from the alerts topic, already read and checked: exactly one of {@code fired} and
 * {@code resolved} is set.
 *
 * @param eventId the CloudEvent id, the inbox key
 */
public record AlertEvent(String eventId, AlertFired fired, AlertResolved resolved) {

  public AlertEvent {
    Objects.requireNonNull(eventId, "eventId");
    if ((fired == null) == (resolved == null)) {
      throw new IllegalArgumentException("exactly one of fired and resolved");
    }
  }

  public static AlertEvent of(String eventId, AlertFired fired) {
    return new AlertEvent(eventId, fired, null);
  }

  public static AlertEvent of(String eventId, AlertResolved resolved) {
    return new AlertEvent(eventId, null, resolved);
  }

  /** The alert group, if the event names one ({@code AlertResolved} may not). */
  public String groupKey() {
    return fired != null ? fired.groupKey() : resolved.groupKey();
  }
}
