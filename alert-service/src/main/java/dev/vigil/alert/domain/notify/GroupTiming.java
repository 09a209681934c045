package dev.vigil.alert.domain.notify;

import java.time.Duration;

/**
 * Alertmanager's three group timers.
 *
 * @param groupWait how long a new group waits for more alerts before its first notification
 * @param groupInterval how long to wait before notifying about changes in a group already notified
 * @param repeatInterval how long to wait before repeating an unchanged notification
 */
public record GroupTiming(Duration groupWait, Duration groupInterval, Duration repeatInterval) {

  /** Alertmanager's defaults: 30 s, 5 min, 4 h. */
  public static final GroupTiming DEFAULTS =
      new GroupTiming(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4));

  public GroupTiming {
    if (groupWait.isNegative() || groupInterval.isNegative() || repeatInterval.isNegative()) {
      throw new IllegalArgumentException("group timers must not be negative");
    }
    if (groupInterval.isZero()) {
      throw new IllegalArgumentException("group_interval must be greater than 0");
    }
    if (repeatInterval.isZero()) {
      throw new IllegalArgumentException("repeat_interval must be greater than 0");
    }
  }
}
