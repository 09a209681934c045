package dev.vigil.platform.messaging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses the one timestamp shape Vigil's producers write ({@code Instant.toString()}: {@code
 * 2026-11-25T16:05:07.123456Z}) without {@code DateTimeFormatter}, which costs microseconds per
 * call and showed as a tenth of the alert consumers' time. Anything else (an offset, a leap second,
 * a comma, an out-of-range field) returns {@code null}, and the caller falls back to the standard
 * parser, so the result and the errors are those of the standard parser.
 */
final class IsoInstants {

  private IsoInstants() {}

  /**
   * @return the instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} when {@code text}
   *     has another shape or an invalid field
   */
  static Instant parseUtc(String text) {
    int n = text == null ? 0 : text.length();
    if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z') {
      return null;
    }
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int nano = 0;
    if (n > 20) {
      // a fraction: '.', then 1 to 9 digits, then 'Z'
      if (text.charAt(19) != '.' || n == 21) {
        return null;
      }
      int fraction = digits(text, 20, n - 1);
      if (fraction < 0) {
        return null;
      }
      nano = fraction;
      for (int i = n - 1 - 20; i < 9; i++) {
        nano *= 10;
      }
    } else if (n != 20) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nano)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // e.g. 24:00 or 23:59:60: the standard parser decides
    }
  }

  /** The number written in {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
