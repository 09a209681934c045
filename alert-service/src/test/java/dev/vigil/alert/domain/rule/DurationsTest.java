package dev.vigil.alert.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("0", Duration.ZERO),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of("30s", Duration.ofSeconds(30)),
        Arguments.of("5m", Duration.ofMinutes(5)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of("2d", Duration.ofDays(2)),
        Arguments.of("1w", Duration.ofDays(7)),
        Arguments.of("250ms", Duration.ofMillis(250)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parses(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "5", "five minutes", "5 m", "1m1h", "-5m", "PT5M"})
  void rejects(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a duration");
  }
}
