package dev.vigil.incident.domain;

/** What a timeline entry records. Stored by name, so constants are only ever added. */
public enum TimelineKind {
  OPENED,
  ALERT_ATTACHED,
  ALERT_REFIRED,
  ALERT_SEVERITY_CHANGED,
  SEVERITY_CHANGED,
  ALERT_RESOLVED,
  RESOLVED,
  ACKNOWLEDGED,
  NOTE,
  REOPENED,
  PUBLIC_UPDATE,
  POSTMORTEM,
  /** An alert of another group joined because it affects a component the incident holds. */
  ALERT_CORRELATED,
  /** Still unacknowledged when a step of its escalation policy came due: receivers re-notified. */
  ESCALATED
}
