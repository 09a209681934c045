package dev.vigil.alert.domain;

import dev.vigil.events.Severity;
import java.time.Instant;

/**
 * The alert state machine: given what is stored, what an evaluation observed and the rule's timing,
 * what happens. Also the fixed set of values of the {@code transition} metric tag.
 *
 * <pre>
 * stored \ observed   MATCH                         HOLD    RECOVERED                         NO_DATA
 * none                FIRE (PEND if for > 0)        NONE    NONE                              NONE
 * RESOLVED/INACTIVE   REFIRE (PEND if for > 0)      NONE    NONE                              NONE
 * PENDING             FIRE once for has elapsed     CANCEL  CANCEL                            NONE
 * FIRING              REFRESH/ESCALATE/DEESCALATE   NONE    RESOLVE (KEEP while                NONE
 *                                                           keep_firing_for runs)
 * </pre>
 *
 * With no data nothing changes: an unreachable host says nothing about its certificate, and
 * resolving on it would close incidents that are still real. Time-driven changes (a pending alert
 * whose {@code for} elapsed, a kept alert whose {@code keep_firing_for} elapsed) are made by {@link
 * #tick}, which the service runs periodically so they happen even between events.
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
  /** The condition started to hold; the alert waits for {@code for}. Emits nothing. */
  PEND,
  /** A pending alert's condition cleared before {@code for} elapsed. Emits nothing. */
  CANCEL,
  /** A firing alert recovered; {@code keep_firing_for} keeps it firing for now. Emits nothing. */
  KEEP,
  /** Nothing to do. */
  NONE;

  /**
   * Decides what an evaluation does to an alert.
   *
   * @param current the stored alert, or {@code null} if there is none
   * @param observed what the evaluation says
   * @param severity the severity asked for when {@code observed} is {@link Observation#MATCH}
   * @param timing the rule's {@code for} and {@code keep_firing_for}
   * @param now the evaluation time
   */
  public static Decision decide(
      AlertState current, Observation observed, Severity severity, RuleTiming timing, Instant now) {
    AlertStatus status = current == null ? null : current.status();
    return switch (observed) {
      case NO_DATA, HOLD ->
          status == AlertStatus.PENDING && observed == Observation.HOLD
              ? cancel(current)
              : Decision.none(current);
      case MATCH -> match(current, status, severity, timing, now);
      case RECOVERED -> recover(current, status, timing, now);
    };
  }

  /** Time-driven changes between evaluations; the last observation is assumed to still hold. */
  public static Decision tick(AlertState current, RuleTiming timing, Instant now) {
    if (current == null) {
      return Decision.none(null);
    }
    if (current.status() == AlertStatus.PENDING
        && elapsed(current.activeAt(), timing.pendingFor(), now)) {
      return new Decision(
          FIRE, new AlertState(AlertStatus.FIRING, current.severity(), current.activeAt(), null));
    }
    if (current.isFiring()
        && current.recoveringSince() != null
        && elapsed(current.recoveringSince(), timing.keepFiringFor(), now)) {
      return new Decision(RESOLVE, state(AlertStatus.RESOLVED, current.severity(), null, null));
    }
    return Decision.none(current);
  }

  private static Decision match(
      AlertState current, AlertStatus status, Severity severity, RuleTiming timing, Instant now) {
    if (status == AlertStatus.FIRING) {
      int change = severity.compareTo(current.severity());
      AlertTransition t = change > 0 ? ESCALATE : change < 0 ? DEESCALATE : REFRESH;
      return new Decision(t, state(AlertStatus.FIRING, severity, current.activeAt(), null));
    }
    if (status == AlertStatus.PENDING) {
      if (elapsed(current.activeAt(), timing.pendingFor(), now)) {
        return new Decision(FIRE, state(AlertStatus.FIRING, severity, current.activeAt(), null));
      }
      return Decision.none(current);
    }
    if (!timing.pendingFor().isZero()) {
      return new Decision(PEND, state(AlertStatus.PENDING, severity, now, null));
    }
    return new Decision(
        current == null ? FIRE : REFIRE, state(AlertStatus.FIRING, severity, now, null));
  }

  private static Decision recover(
      AlertState current, AlertStatus status, RuleTiming timing, Instant now) {
    if (status == AlertStatus.PENDING) {
      return cancel(current);
    }
    if (status != AlertStatus.FIRING) {
      return Decision.none(current);
    }
    Instant since = current.recoveringSince() == null ? now : current.recoveringSince();
    if (elapsed(since, timing.keepFiringFor(), now)) {
      return new Decision(RESOLVE, state(AlertStatus.RESOLVED, current.severity(), null, null));
    }
    if (current.recoveringSince() != null) {
      return Decision.none(current);
    }
    return new Decision(
        KEEP, state(AlertStatus.FIRING, current.severity(), current.activeAt(), now));
  }

  private static Decision cancel(AlertState current) {
    return new Decision(CANCEL, state(AlertStatus.INACTIVE, current.severity(), null, null));
  }

  private static boolean elapsed(Instant since, java.time.Duration d, Instant now) {
    return since == null || !now.isBefore(since.plus(d));
  }

  private static AlertState state(
      AlertStatus status, Severity severity, Instant activeAt, Instant recoveringSince) {
    return new AlertState(status, severity, activeAt, recoveringSince);
  }

  /**
   * The transition without timing, as the first rule engine had it.
   *
   * @param desired the severity the observation asks for, or {@code null} for "healthy"
   * @param noData the observation could not judge (e.g. target unreachable)
   */
  public static AlertTransition decide(AlertState current, Severity desired, boolean noData) {
    Observation observed =
        noData ? Observation.NO_DATA : desired == null ? Observation.RECOVERED : Observation.MATCH;
    return decide(current, observed, desired, RuleTiming.IMMEDIATE, Instant.EPOCH).transition();
  }

  /** Whether this transition publishes {@code AlertFired}. */
  public boolean firesEvent() {
    return this == FIRE || this == REFIRE || this == ESCALATE || this == DEESCALATE;
  }

  /** Whether this transition changes the stored alert. */
  public boolean changesState() {
    return this != NONE;
  }

  /** Whether this transition is worth a line in the alert history (all but quiet refreshes). */
  public boolean isHistory() {
    return this != NONE && this != REFRESH;
  }
}
