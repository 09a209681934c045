package dev.vigil.alert.domain.notify;

import java.time.Instant;

/**
 * When an aggregation group is next due to flush, as a pure function of the group's timers, its
 * last flush and the clock. Alertmanager runs a ticker per group; Vigil stores the next due instant
 * in the group's row instead, so a restart or another replica picks up exactly where it was.
 */
public final class FlushSchedule {

  private FlushSchedule() {}

  /**
   * An alert of the group fired, changed or resolved.
   *
   * @param nextFlushAt the group's current due instant, {@code null} if idle
   * @param lastFlushAt the group's last flush, {@code null} if never flushed (a new group)
   */
  public static Instant afterChange(
      Instant nextFlushAt, Instant lastFlushAt, GroupTiming timing, Instant now) {
    Instant candidate =
        lastFlushAt == null
            // A new group waits group_wait for its siblings to arrive.
            ? now.plus(timing.groupWait())
            // A notified group reports changes no sooner than group_interval after its last flush.
            : max(now, lastFlushAt.plus(timing.groupInterval()));
    return nextFlushAt == null || candidate.isBefore(nextFlushAt) ? candidate : nextFlushAt;
  }

  /**
   * After a flush.
   *
   * @param anyFiring the group still holds firing alerts
   * @param anyMuted some of them were held back (silenced, inhibited, muted by time): look again
   *     each group_interval, as Alertmanager's ticker would, so they go out when the mute ends
   * @param lastSentAt the last notification sent for the group (this flush's if it sent)
   * @return the next due instant, or {@code null} when there is nothing left to notify
   */
  public static Instant afterFlush(
      boolean anyFiring, boolean anyMuted, Instant lastSentAt, GroupTiming timing, Instant now) {
    if (!anyFiring) {
      return null;
    }
    Instant tick = now.plus(timing.groupInterval());
    if (anyMuted || lastSentAt == null) {
      return tick;
    }
    return max(tick, lastSentAt.plus(timing.repeatInterval()));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
