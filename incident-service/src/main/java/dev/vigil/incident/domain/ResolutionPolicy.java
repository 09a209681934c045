package dev.vigil.incident.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether an incident whose alerts have all resolved resolves right away. A policy that
 * answers {@code false} (a quiet period) leaves the incident open with no firing alert, and a
 * scheduled sweep resolves it once the quiet period has passed without a new alert (an alert firing
 * meanwhile simply re-fires into the same incident).
 */
@FunctionalInterface
public interface ResolutionPolicy {

  /** Resolve as soon as the last alert resolves. */
  ResolutionPolicy IMMEDIATE = (incident, lastAlertResolvedAt) -> true;

  /**
   * Resolve only after {@code quietPeriod} without a firing alert; a zero period resolves at once.
   * The waiting part is done by a sweep ({@link IncidentCorrelator#resolveIfQuiet}).
   */
  static ResolutionPolicy quietFor(Duration quietPeriod) {
    return quietPeriod.isZero() ? IMMEDIATE : (incident, lastAlertResolvedAt) -> false;
  }

  boolean resolveNow(Incident incident, Instant lastAlertResolvedAt);
}
