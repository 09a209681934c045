package dev.vigil.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsoInstantsTest {

  static Stream<Arguments> fastShapes() {
    return Stream.of(
        Arguments.of("whole seconds", "2026-11-25T16:05:07Z"),
        Arguments.of("milliseconds", "2026-11-25T16:05:07.123Z"),
        Arguments.of("microseconds", "2026-11-25T16:05:07.123456Z"),
        Arguments.of("nanoseconds", "2026-11-25T16:05:07.123456789Z"),
        Arguments.of("one fraction digit", "2026-11-25T16:05:07.5Z"),
        Arguments.of("eight fraction digits", "2026-11-25T16:05:07.00000001Z"),
        Arguments.of("leap day", "2028-02-29T23:59:59.999999999Z"),
        Arguments.of("epoch", "1970-01-01T00:00:00Z"),
        Arguments.of("year zero", "0000-01-01T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fastShapes")
  void producerShapesParseExactlyAsTheStandardParser(String name, String text) {
    assertThat(IsoInstants.parseUtc(text))
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
  }

  static Stream<Arguments> leftToTheStandardParser() {
    return Stream.of(
        Arguments.of("an offset", "2026-11-25T16:05:07+02:00"),
        Arguments.of("lower-case z", "2026-11-25T16:05:07z"),
        Arguments.of("a space for T", "2026-11-25 16:05:07Z"),
        Arguments.of("no seconds", "2026-11-25T16:05Z"),
        Arguments.of("a dot without digits", "2026-11-25T16:05:07.Z"),
        Arguments.of("ten fraction digits", "2026-11-25T16:05:07.1234567890Z"),
        Arguments.of("a comma fraction", "2026-11-25T16:05:07,5Z"),
        Arguments.of("a leap second", "2026-12-31T23:59:60Z"),
        Arguments.of("hour 24", "2026-11-25T24:00:00Z"),
        Arguments.of("month 13", "2026-13-25T16:05:07Z"),
        Arguments.of("30 February", "2026-02-30T16:05:07Z"),
        Arguments.of("a sign", "+2026-11-25T16:05:07Z"),
        Arguments.of("a five-digit year", "12026-11-25T16:05:07Z"),
        Arguments.of("a non-digit", "2026-1a-25T16:05:07Z"),
        Arguments.of("surrounding blanks", " 2026-11-25T16:05:07Z "),
        Arguments.of("empty", ""),
        Arguments.of("null", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leftToTheStandardParser")
  void otherShapesAreLeftToTheStandardParser(String name, String text) {
    assertThat(IsoInstants.parseUtc(text)).isNull();
  }

  @Test
  void everyInstantToStringReadsBackToItself() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(253_402_300_800L); // 0000-01-01 .. 9999-12-31
      seconds -= 62_167_219_200L; // from year 0
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertThat(IsoInstants.parseUtc(instant.toString())).isEqualTo(instant);
    }
  }
}
