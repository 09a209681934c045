package dev.vigil.alert.domain.breaker;

import dev.vigil.events.BreakerChangeCause;
import dev.vigil.events.BreakerState;
import java.time.Instant;
import java.util.List;

/**
 * A change of a breaker scope, to be stored and published as one {@code RiskControlChanged}. A
 * change of override is a change even when the state stays the same: consumers learn that a human
 * now holds the control.
 *
 * @param from state before
 * @param next the status after, with the sequence already advanced
 * @param cause why
 * @param actor {@code system} or the person
 * @param reason one sentence for humans
 * @param alerts the matching alerts firing at that moment
 * @param earliestCloseAt end of the minimum open time ({@code OPEN}) or of the healthy period
 *     ({@code HALF_OPEN}) when nothing changes meanwhile; {@code null} otherwise
 */
public record Transition(
    BreakerState from,
    BreakerStatus next,
    BreakerChangeCause cause,
    String actor,
    String reason,
    List<FiringAlert> alerts,
    Instant earliestCloseAt) {

  public static final String SYSTEM = "system";

  public Transition {
    alerts = List.copyOf(alerts);
  }

  public boolean manual() {
    return cause == BreakerChangeCause.MANUAL_OVERRIDE
        || cause == BreakerChangeCause.OVERRIDE_CLEARED;
  }
}
