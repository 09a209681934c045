package dev.vigil.alert.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()} without {@code DateTimeFormatter}: every event puts its timestamps
 * into the rules' variables as text, and the formatter's generic printing showed in the consumer's
 * profile. Same text for every instant (years 0000–9999 here, the rest through {@code toString}).
 */
final class IsoTime {

  private static final long YEAR_0000 = -62_167_219_200L;
  private static final long YEAR_10000 = 253_402_300_800L;

  private IsoTime() {}

  static String format(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds < YEAR_0000 || seconds >= YEAR_10000) {
      return t.toString();
    }
    LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(30);
    pad(b, d.getYear(), 4).append('-');
    pad(b, d.getMonthValue(), 2).append('-');
    pad(b, d.getDayOfMonth(), 2).append('T');
    pad(b, d.getHour(), 2).append(':');
    pad(b, d.getMinute(), 2).append(':');
    pad(b, d.getSecond(), 2);
    int nano = t.getNano();
    if (nano != 0) {
      b.append('.');
      if (nano % 1_000_000 == 0) {
        pad(b, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        pad(b, nano / 1000, 6);
      } else {
        pad(b, nano, 9);
      }
    }
    return b.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits);
  }
}
