package dev.vigil.alert.domain;

import dev.vigil.events.Severity;
import java.util.Objects;

/**
 * What the state machine needs to know about a stored alert.
 *
 * @param status firing or resolved
 * @param severity severity it last fired with
 */
public record AlertState(AlertStatus status, Severity severity) {

  public AlertState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
  }

  public static AlertState firing(Severity severity) {
    return new AlertState(AlertStatus.FIRING, severity);
  }

  public static AlertState resolved(Severity severity) {
    return new AlertState(AlertStatus.RESOLVED, severity);
  }
}
