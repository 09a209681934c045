package dev.vigil.alert.domain.breaker;

import dev.vigil.events.BreakerState;
import java.time.Instant;

/**
 * The stored state of one breaker for one scope.
 *
 * @param state current state
 * @param since when it entered {@code state}
 * @param openedAt when it last became {@code OPEN} (the minimum open time counts from here)
 * @param sequence number of the last change published; {@code 0} before the first
 * @param override the manual override in force, or {@code null}
 */
public record BreakerStatus(
    BreakerState state, Instant since, Instant openedAt, long sequence, ManualOverride override) {

  /** A scope never seen before: closed, nothing published yet. */
  public static BreakerStatus initial(Instant now) {
    return new BreakerStatus(BreakerState.CLOSED, now, null, 0, null);
  }
}
