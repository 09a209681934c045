package dev.vigil.alert.domain.rule;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus-style durations as rule files write them: {@code 30s}, {@code 5m}, {@code 1h30m},
 * {@code 2d}, {@code 1w}, {@code 0}. Units from largest to smallest, each at most once.
 */
public final class Durations {

  private static final Pattern FORMAT =
      Pattern.compile(
          "(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] MILLIS = {
    7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L
  };

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming the accepted format
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORMAT.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration like 30s, 5m, 1h30m, 2d or 0");
    }
    long total = 0;
    for (int i = 0; i < MILLIS.length; i++) {
      String part = m.group(i + 1);
      if (part != null) {
        total = Math.addExact(total, Math.multiplyExact(Long.parseLong(part), MILLIS[i]));
      }
    }
    return Duration.ofMillis(total);
  }
}
