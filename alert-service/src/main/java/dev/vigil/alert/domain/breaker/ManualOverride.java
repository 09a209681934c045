package dev.vigil.alert.domain.breaker;

import dev.vigil.events.BreakerState;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A human pinning a breaker scope {@code OPEN} or {@code CLOSED}: it wins over the alerts until it
 * is cleared or reaches {@code until}.
 *
 * @param state {@code OPEN} or {@code CLOSED}; probing cannot be forced
 * @param who the person (recorded and published as the actor)
 * @param why their reason (recorded and published)
 * @param at when it was set
 * @param until when it ends by itself, {@code null} for never
 */
public record ManualOverride(
    BreakerState state, String who, String why, Instant at, Instant until) {

  private static final Pattern WHO = Pattern.compile("[^\\s\\p{Cntrl}][^\\p{Cntrl}]{0,199}");

  /**
   * Validates an override request.
   *
   * @throws BreakerSpecException naming the field: {@code state}, {@code who}, {@code why} or
   *     {@code until}
   */
  public static ManualOverride of(
      BreakerState state, String who, String why, Instant until, Instant now) {
    if (state == null || state == BreakerState.HALF_OPEN) {
      throw new BreakerSpecException("state", "required: OPEN or CLOSED");
    }
    if (who == null || who.isBlank() || !WHO.matcher(who.strip()).matches()) {
      throw new BreakerSpecException("who", "required: who is overriding (at most 200 characters)");
    }
    if (why == null || why.isBlank() || why.length() > 2000) {
      throw new BreakerSpecException("why", "required: the reason (at most 2000 characters)");
    }
    if (until != null && !until.isAfter(now)) {
      throw new BreakerSpecException("until", "must be in the future");
    }
    return new ManualOverride(state, who.strip(), why.strip(), now, until);
  }

  public boolean expired(Instant now) {
    return until != null && !now.isBefore(until);
  }
}
