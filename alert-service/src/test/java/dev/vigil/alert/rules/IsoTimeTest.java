package dev.vigil.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsoTimeTest {

  static Stream<Arguments> instants() {
    return Stream.of(
        Arguments.of("whole seconds", Instant.parse("2026-11-25T16:05:07Z")),
        Arguments.of("zero seconds", Instant.parse("2026-11-25T16:05:00Z")),
        Arguments.of("milliseconds", Instant.parse("2026-11-25T16:05:07.120Z")),
        Arguments.of("microseconds", Instant.parse("2026-11-25T16:05:07.000120Z")),
        Arguments.of("nanoseconds", Instant.parse("2026-11-25T16:05:07.000000120Z")),
        Arguments.of("epoch", Instant.EPOCH),
        Arguments.of("year zero", Instant.parse("0000-01-01T00:00:00Z")),
        Arguments.of("a three-digit year", Instant.parse("0999-12-31T23:59:59.5Z")),
        Arguments.of("last second of 9999", Instant.parse("9999-12-31T23:59:59.999999999Z")),
        Arguments.of("year 10000", Instant.parse("+10000-01-01T00:00:00Z")),
        Arguments.of("before year zero", Instant.parse("-0001-12-31T23:59:59Z")),
        Arguments.of("Instant.MAX", Instant.MAX),
        Arguments.of("Instant.MIN", Instant.MIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instants")
  void printsWhatInstantToStringPrints(String name, Instant instant) {
    assertThat(IsoTime.format(instant)).isEqualTo(instant.toString());
  }

  @Test
  void randomInstantsPrintAsToString() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(253_402_300_800L + 62_167_219_200L) - 62_167_219_200L;
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertThat(IsoTime.format(instant)).isEqualTo(instant.toString());
    }
  }
}
