package dev.vigil.events;

/** Lifecycle of an incident. */
public enum IncidentStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED
}
