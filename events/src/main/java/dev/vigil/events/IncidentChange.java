package dev.vigil.events;

/** What changed in an {@link IncidentUpdated}. */
public enum IncidentChange {
  ALERT_ATTACHED,
  ALERT_REFIRED,
  ALERT_RESOLVED,
  SEVERITY_CHANGED,
  ACKNOWLEDGED,
  REOPENED,
  NOTE_ADDED,
  PUBLIC_UPDATE
}
