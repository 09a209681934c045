package dev.vigil.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vigil.events.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryThresholdsTest {

  static Stream<Arguments> severities() {
    return Stream.of(
        Arguments.of("far from expiry: healthy", 90L, null),
        Arguments.of("exactly warning days left: healthy", 28L, null),
        Arguments.of("one day inside the warning window: warning", 27L, Severity.WARNING),
        Arguments.of("exactly critical days left: still a warning", 14L, Severity.WARNING),
        Arguments.of("one day inside the critical window: critical", 13L, Severity.CRITICAL),
        Arguments.of("expires today: critical", 0L, Severity.CRITICAL),
        Arguments.of("already expired: critical", -5L, Severity.CRITICAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("severities")
  void defaultThresholdsGiveSeverity(String name, long daysLeft, Severity expected) {
    assertThat(ExpiryThresholds.DEFAULT.severityFor(daysLeft))
        .isEqualTo(java.util.Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "warning={0}, critical={1} is rejected")
  @CsvSource({"14, 14", "10, 14", "28, 0", "28, -1", "0, 0"})
  void inconsistentThresholdsAreRejected(int warningDays, int criticalDays) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExpiryThresholds(warningDays, criticalDays));
  }

  @ParameterizedTest(name = "warning={0}, critical={1} is accepted")
  @CsvSource({"28, 14", "2, 1", "90, 30"})
  void consistentThresholdsAreAccepted(int warningDays, int criticalDays) {
    assertThat(new ExpiryThresholds(warningDays, criticalDays).criticalDays())
        .isEqualTo(criticalDays);
  }
}
