package dev.vigil.incident.domain;

import java.time.Instant;

/**
 * Decides whether an incident whose alerts have all resolved resolves right away. This is the
 * extension point for the quiet period of a later issue: a policy that answers {@code false} leaves
 * the incident open with no firing alert, and a scheduled sweep resolves it once the quiet period
 * has passed without a new alert (an alert firing meanwhile simply re-fires into the same
 * incident).
 */
@FunctionalInterface
public interface ResolutionPolicy {

  /** Resolve as soon as the last alert resolves. */
  ResolutionPolicy IMMEDIATE = (incident, lastAlertResolvedAt) -> true;

  boolean resolveNow(Incident incident, Instant lastAlertResolvedAt);
}
