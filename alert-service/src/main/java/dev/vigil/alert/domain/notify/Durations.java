package dev.vigil.alert.domain.notify;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus duration strings: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, {@code 0s}. */
public final class Durations {

  private static final Pattern FORMAT =
      Pattern.compile("((\\d+)y)?((\\d+)w)?((\\d+)d)?((\\d+)h)?((\\d+)m)?((\\d+)s)?((\\d+)ms)?");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (text == null || text.isBlank() || !m.matches()) {
      throw new IllegalArgumentException(
          "invalid duration '" + text + "', expected e.g. 30s, 5m, 4h");
    }
    long[] unitsMillis = {
      365L * 86_400_000, 7L * 86_400_000, 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L
    };
    long total = 0;
    for (int i = 0; i < unitsMillis.length; i++) {
      String n = m.group(2 * i + 2);
      if (n != null) {
        total += Long.parseLong(n) * unitsMillis[i];
      }
    }
    return Duration.ofMillis(total);
  }
}
