package dev.vigil.alert.domain.breaker;

import dev.vigil.events.BreakerChangeCause;
import dev.vigil.events.BreakerState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The breaker state machine of one scope. Plain function of the definition, the stored status, the
 * matching alerts firing now and the time; the caller stores and publishes what it returns.
 *
 * <pre>
 *   CLOSED ──alert fires──▶ OPEN ──min_open elapsed, none firing──▶ HALF_OPEN
 *      ▲                     ▲                                      │  │
 *      │                     └────────────alert fires───────────────┘  │
 *      └────────────healthy_period elapsed, none firing────────────────┘
 * </pre>
 *
 * A manual override pins {@code OPEN} or {@code CLOSED} until it is cleared or expires; then the
 * automatic rules resume from the pinned state.
 */
public final class BreakerMachine {

  private static final int REASON_ALERTS = 5;

  private BreakerMachine() {}

  /**
   * What the alerts and the clock make of the scope now: a time-driven step, a reaction to the
   * alerts, or the end of an expired override.
   */
  public static Optional<Transition> evaluate(
      BreakerSpec spec, BreakerStatus status, List<FiringAlert> firing, Instant now) {
    ManualOverride o = status.override();
    if (o != null) {
      if (!o.expired(now)) {
        return Optional.empty();
      }
      return Optional.of(
          resume(
              spec,
              status,
              firing,
              now,
              BreakerChangeCause.OVERRIDE_EXPIRED,
              Transition.SYSTEM,
              "override by " + o.who() + " expired"));
    }
    return automatic(spec, status, firing, now)
        .map(
            step ->
                transition(
                    spec,
                    status,
                    firing,
                    now,
                    step.state,
                    step.cause,
                    Transition.SYSTEM,
                    step.reason,
                    null));
  }

  /** A human forces the scope {@code OPEN} or {@code CLOSED}; always a change. */
  public static Transition force(
      BreakerSpec spec, BreakerStatus status, List<FiringAlert> firing, ManualOverride o) {
    String reason =
        "forced "
            + o.state()
            + " by "
            + o.who()
            + ": "
            + o.why()
            + (o.until() == null ? "" : " (until " + o.until() + ")");
    return transition(
        spec,
        status,
        firing,
        o.at(),
        o.state(),
        BreakerChangeCause.MANUAL_OVERRIDE,
        o.who(),
        reason,
        o);
  }

  /**
   * A human hands the scope back to the alerts. Always a change (the control is automatic again);
   * the state is whatever the automatic rules make of the pinned one.
   */
  public static Transition clear(
      BreakerSpec spec,
      BreakerStatus status,
      List<FiringAlert> firing,
      String who,
      String why,
      Instant now) {
    return resume(
        spec,
        status,
        firing,
        now,
        BreakerChangeCause.OVERRIDE_CLEARED,
        who,
        "override cleared by " + who + ": " + why);
  }

  /**
   * When the scope must be looked at again without any alert changing: the end of the minimum open
   * time or of the healthy period, or the override's expiry; {@code null} when only an alert can
   * change it.
   */
  public static Instant nextCheck(BreakerSpec spec, BreakerStatus status, boolean anyFiring) {
    if (status.override() != null) {
      return status.override().until();
    }
    if (anyFiring) {
      return null;
    }
    return closeAt(spec, status);
  }

  private static Transition resume(
      BreakerSpec spec,
      BreakerStatus status,
      List<FiringAlert> firing,
      Instant now,
      BreakerChangeCause cause,
      String actor,
      String reason) {
    BreakerStatus unpinned =
        new BreakerStatus(
            status.state(), status.since(), status.openedAt(), status.sequence(), null);
    Optional<Step> step = automatic(spec, unpinned, firing, now);
    BreakerState to = step.map(s -> s.state).orElse(status.state());
    String why = step.map(s -> reason + "; " + s.reason).orElse(reason);
    return transition(spec, unpinned, firing, now, to, cause, actor, why, null);
  }

  private record Step(BreakerState state, BreakerChangeCause cause, String reason) {}

  private static Optional<Step> automatic(
      BreakerSpec spec, BreakerStatus status, List<FiringAlert> firing, Instant now) {
    boolean anyFiring = !firing.isEmpty();
    return switch (status.state()) {
      case CLOSED, HALF_OPEN -> {
        if (anyFiring) {
          yield Optional.of(
              new Step(BreakerState.OPEN, BreakerChangeCause.ALERT_FIRING, describe(firing)));
        }
        if (status.state() == BreakerState.HALF_OPEN
            && !now.isBefore(status.since().plus(spec.healthyPeriod()))) {
          yield Optional.of(
              new Step(
                  BreakerState.CLOSED,
                  BreakerChangeCause.HEALTHY_PERIOD_ELAPSED,
                  "no matching alert for the healthy period of " + spec.healthyPeriod()));
        }
        yield Optional.empty();
      }
      case OPEN -> {
        Instant openedAt = status.openedAt() == null ? status.since() : status.openedAt();
        if (anyFiring || now.isBefore(openedAt.plus(spec.minOpen()))) {
          yield Optional.empty();
        }
        yield Optional.of(
            new Step(
                spec.halfOpen() ? BreakerState.HALF_OPEN : BreakerState.CLOSED,
                BreakerChangeCause.MIN_OPEN_ELAPSED,
                "minimum open time of " + spec.minOpen() + " elapsed with no matching alert"));
      }
    };
  }

  private static Transition transition(
      BreakerSpec spec,
      BreakerStatus status,
      List<FiringAlert> firing,
      Instant now,
      BreakerState to,
      BreakerChangeCause cause,
      String actor,
      String reason,
      ManualOverride override) {
    boolean changed = to != status.state();
    Instant openedAt = changed && to == BreakerState.OPEN ? now : status.openedAt();
    BreakerStatus next =
        new BreakerStatus(
            to, changed ? now : status.since(), openedAt, status.sequence() + 1, override);
    Instant earliestClose = override == null ? closeAt(spec, next) : null;
    return new Transition(status.state(), next, cause, actor, reason, firing, earliestClose);
  }

  private static Instant closeAt(BreakerSpec spec, BreakerStatus status) {
    return switch (status.state()) {
      case OPEN ->
          (status.openedAt() == null ? status.since() : status.openedAt()).plus(spec.minOpen());
      case HALF_OPEN -> status.since().plus(spec.healthyPeriod());
      case CLOSED -> null;
    };
  }

  private static String describe(List<FiringAlert> firing) {
    String names =
        firing.stream()
            .limit(REASON_ALERTS)
            .map(a -> a.alertName() + " (" + a.fingerprint() + ")")
            .collect(Collectors.joining(", "));
    int more = firing.size() - REASON_ALERTS;
    return "firing: " + names + (more > 0 ? " and " + more + " more" : "");
  }
}
