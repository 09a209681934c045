package dev.vigil.alert.domain;

import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * What the state machine needs to know about a stored alert.
 *
 * @param status where the alert is in its life
 * @param severity severity it last fired (or pended) with
 * @param activeAt since when the condition holds: start of {@code PENDING}, kept while firing
 * @param recoveringSince while firing: since when the recovery condition holds (the {@code
 *     keep_firing_for} clock); {@code null} otherwise
 */
public record AlertState(
    AlertStatus status, Severity severity, Instant activeAt, Instant recoveringSince) {

  public AlertState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
  }

  public AlertState(AlertStatus status, Severity severity) {
    this(status, severity, null, null);
  }

  public static AlertState firing(Severity severity) {
    return new AlertState(AlertStatus.FIRING, severity);
  }

  public static AlertState resolved(Severity severity) {
    return new AlertState(AlertStatus.RESOLVED, severity);
  }

  public boolean isFiring() {
    return status == AlertStatus.FIRING;
  }
}
