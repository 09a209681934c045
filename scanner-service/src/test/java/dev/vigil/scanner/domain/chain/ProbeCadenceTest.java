package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeCadenceTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          no jitter drawn,           0.1, 0.0,    10000
          largest jitter drawn,      0.1, 0.9999, 9000
          half the jitter,           0.2, 0.5,    9000
          jitter off,                0.0, 0.7,    10000
          """)
  void jitterOnlyEverShortensTheInterval(
      String name, double jitter, double random, long expectedMillis) {
    Instant next = new ProbeCadence(jitter, () -> random).next(START, Duration.ofSeconds(10));
    assertThat(Duration.between(START, next).toMillis()).isEqualTo(expectedMillis);
  }
}
