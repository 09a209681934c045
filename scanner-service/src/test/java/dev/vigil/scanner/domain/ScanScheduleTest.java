package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanScheduleTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofSeconds(60);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # name,                          failures, random, seconds until next
          healthy with no jitter drawn,         0,        0.5,    60
          healthy with lowest jitter,          0,        0.0,    54
          healthy with highest jitter,         0,        0.999999, 66
          first failure keeps the interval,  1,        0.5,    60
          second failure doubles,            2,        0.5,    120
          third failure quadruples,          3,        0.5,    240
          fourth failure hits the cap,       4,        0.5,    480
          many failures stay at the cap,     40,       0.5,    480
          """)
  void nextScanFollowsIntervalJitterAndBackoff(
      String name, int failures, double random, long seconds) {
    ScanSchedule schedule = new ScanSchedule(0.1, 8, () -> random);
    Instant next = schedule.next(NOW, MINUTE, failures);
    assertThat(Duration.between(NOW, next).toMillis())
        .isCloseTo(seconds * 1000, org.assertj.core.data.Offset.offset(1L));
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> new ScanSchedule(1.0, 8, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScanSchedule(0.1, 0, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
