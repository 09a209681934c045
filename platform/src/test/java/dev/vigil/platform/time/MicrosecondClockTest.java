package dev.vigil.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MicrosecondClockTest {

  static final Instant AT = Instant.parse("2026-11-25T08:15:30.123456789Z");

  @Test
  void instantsAreTruncatedToMicroseconds() {
    Clock clock = new MicrosecondClock(Clock.fixed(AT, ZoneOffset.UTC));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T08:15:30.123456Z"));
  }

  @Test
  void millisWorkUnlikeATickClockWithASubMillisecondTick() {
    Clock clock = new MicrosecondClock(Clock.fixed(AT, ZoneOffset.UTC));

    assertThat(clock.millis()).isEqualTo(AT.toEpochMilli());
    assertThat(clock.withZone(ZoneId.of("Asia/Tokyo")).getZone())
        .isEqualTo(ZoneId.of("Asia/Tokyo"));
  }
}
