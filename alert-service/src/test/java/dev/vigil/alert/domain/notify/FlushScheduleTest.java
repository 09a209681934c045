package dev.vigil.alert.domain.notify;

import static dev.vigil.alert.domain.notify.Alerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlushScheduleTest {

  static final GroupTiming T =
      new GroupTiming(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4));

  static Instant at(long seconds) {
    return seconds < 0 ? null : T0.plusSeconds(seconds);
  }

  static Stream<Arguments> afterChange() {
    return Stream.of(
        // name, nextFlush, lastFlush, now, expected (seconds after T0; -1 = none)
        Arguments.of("new group waits group_wait", -1, -1, 0, 30),
        Arguments.of("second alert in a waiting group keeps the first due time", 30, -1, 10, 30),
        Arguments.of("change soon after a flush waits for group_interval", -1, 0, 60, 300),
        Arguments.of("change long after a flush is due now", -1, 0, 900, 900),
        Arguments.of("change brings a distant repeat forward", 14_400, 0, 60, 300),
        Arguments.of("an earlier due time is kept", 100, 0, 60, 100));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("afterChange")
  void schedulesAfterAChange(String name, long next, long last, long now, long expected) {
    assertThat(FlushSchedule.afterChange(at(next), at(last), T, at(now))).isEqualTo(at(expected));
  }

  static Stream<Arguments> afterFlush() {
    return Stream.of(
        // name, anyFiring, anyMuted, lastSent, now, expected
        Arguments.of("nothing firing: idle", false, false, 0, 0, -1),
        Arguments.of("sent now: next is the repeat", true, false, 0, 0, 14_400),
        Arguments.of("muted alerts are looked at every group_interval", true, true, 0, 0, 300),
        Arguments.of("never sent (e.g. all silenced): next tick", true, false, -1, 0, 300),
        Arguments.of(
            "repeat long overdue: no sooner than group_interval", true, false, 0, 20_000, 20_300));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("afterFlush")
  void schedulesAfterAFlush(
      String name, boolean firing, boolean muted, long lastSent, long now, long expected) {
    assertThat(FlushSchedule.afterFlush(firing, muted, at(lastSent), T, at(now)))
        .isEqualTo(at(expected));
  }
}
