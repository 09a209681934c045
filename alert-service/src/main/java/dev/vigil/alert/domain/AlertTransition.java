package dev.vigil.alert.domain;

import dev.vigil.events.Severity;

/**
 * The alert state machine: given what is stored and what a new observation asks for, what happens.
 * Also the fixed set of values of the {@code transition} metric tag.
 *
 * <pre>
 * stored \ desired   none       same severity   other severity
 * none               NONE       FIRE            FIRE
 * RESOLVED           NONE       REFIRE          REFIRE
 * FIRING             RESOLVE    REFRESH         ESCALATE / DEESCALATE
 * </pre>
 *
 * With no data (the target could not be read) nothing changes: an unreachable host says nothing
 * about its certificate, and resolving on it would close incidents that are still real.
 */
public enum AlertTransition {
  /** A new alert fires. Emits {@code AlertFired}. */
  FIRE,
  /** A resolved alert fires again, with a new start. Emits {@code AlertFired}. */
  REFIRE,
  /** A firing alert became more severe. Emits {@code AlertFired}. */
  ESCALATE,
  /** A firing alert became less severe but still fires. Emits {@code AlertFired}. */
  DEESCALATE,
  /**
   * A firing alert still fires with the same severity; its annotations and value are updated
   * quietly, so a countdown in the summary does not page anyone daily.
   */
  REFRESH,
  /** A firing alert stopped firing. Emits {@code AlertResolved}. */
  RESOLVE,
  /** Nothing to do. */
  NONE;

  /**
   * Decides the transition.
   *
   * @param current the stored alert, or {@code null} if there is none
   * @param desired the severity the observation asks for, or {@code null} for "healthy"
   * @param noData the observation could not judge (e.g. target unreachable)
   */
  public static AlertTransition decide(AlertState current, Severity desired, boolean noData) {
    if (noData) {
      return NONE;
    }
    boolean firing = current != null && current.status() == AlertStatus.FIRING;
    if (desired == null) {
      return firing ? RESOLVE : NONE;
    }
    if (current == null) {
      return FIRE;
    }
    if (!firing) {
      return REFIRE;
    }
    int change = desired.compareTo(current.severity());
    if (change > 0) {
      return ESCALATE;
    }
    return change < 0 ? DEESCALATE : REFRESH;
  }

  /** Whether this transition publishes {@code AlertFired}. */
  public boolean firesEvent() {
    return this == FIRE || this == REFIRE || this == ESCALATE || this == DEESCALATE;
  }

  /** Whether this transition changes the stored alert. */
  public boolean changesState() {
    return this != NONE;
  }
}
