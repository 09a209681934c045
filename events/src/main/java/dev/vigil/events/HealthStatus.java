package dev.vigil.events;

/** Overall verdict of one chain or API observation. */
public enum HealthStatus {
  HEALTHY,
  DEGRADED,
  DOWN
}
