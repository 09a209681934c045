package dev.vigil.alert.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryTest {

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(200, Delivery.Outcome.SENT),
        Arguments.of(202, Delivery.Outcome.SENT),
        Arguments.of(301, Delivery.Outcome.PERMANENT),
        Arguments.of(400, Delivery.Outcome.PERMANENT),
        Arguments.of(401, Delivery.Outcome.PERMANENT),
        Arguments.of(404, Delivery.Outcome.PERMANENT),
        Arguments.of(408, Delivery.Outcome.RETRYABLE),
        Arguments.of(429, Delivery.Outcome.RETRYABLE),
        Arguments.of(500, Delivery.Outcome.RETRYABLE),
        Arguments.of(503, Delivery.Outcome.RETRYABLE));
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @MethodSource("statuses")
  void classifiesHttpStatuses(int status, Delivery.Outcome expected) {
    assertThat(Delivery.classify(status)).isEqualTo(expected);
  }

  static Stream<Arguments> backoff() {
    // attempt, random, expected ms with initial 100 ms, cap 1 s
    return Stream.of(
        Arguments.of(1, 0.0, 50),
        Arguments.of(1, 1.0, 100),
        Arguments.of(2, 0.0, 100),
        Arguments.of(3, 0.5, 300),
        Arguments.of(4, 1.0, 800),
        Arguments.of(5, 1.0, 1000),
        Arguments.of(40, 0.0, 500));
  }

  @ParameterizedTest(name = "attempt {0}, random {1} -> {2} ms")
  @MethodSource("backoff")
  void backsOffExponentiallyWithJitterUpToTheCap(int attempt, double random, long expected) {
    assertThat(
            Delivery.backoff(attempt, Duration.ofMillis(100), Duration.ofSeconds(1), () -> random))
        .hasMillis(expected);
  }
}
