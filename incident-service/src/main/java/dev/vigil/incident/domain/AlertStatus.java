package dev.vigil.incident.domain;

/** Whether an alert attached to an incident is still firing. */
public enum AlertStatus {
  FIRING,
  RESOLVED
}
