package dev.vigil.alert.domain.notify;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Alertmanager {@code time_intervals} entry. Every field that is set must contain the instant
 * (in {@code location}); an empty field matches always. Times are {@code [start, end)} in minutes
 * of the day; day-of-month ranges may count from the end of the month with negative numbers.
 */
public record TimeInterval(
    List<Range> times,
    List<Range> weekdays,
    List<Range> daysOfMonth,
    List<Range> months,
    List<Range> years,
    ZoneId location) {

  /** An inclusive range, except for times where the end is exclusive. */
  public record Range(int start, int end) {}

  private static final Map<String, Integer> WEEKDAYS =
      Map.of(
          "monday",
          1,
          "tuesday",
          2,
          "wednesday",
          3,
          "thursday",
          4,
          "friday",
          5,
          "saturday",
          6,
          "sunday",
          7);
  private static final List<String> MONTHS =
      List.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  public TimeInterval {
    times = List.copyOf(times);
    weekdays = List.copyOf(weekdays);
    daysOfMonth = List.copyOf(daysOfMonth);
    months = List.copyOf(months);
    years = List.copyOf(years);
    location = location == null ? ZoneId.of("UTC") : location;
  }

  public boolean contains(Instant instant) {
    ZonedDateTime t = instant.atZone(location);
    int minute = t.getHour() * 60 + t.getMinute();
    if (!times.isEmpty() && times.stream().noneMatch(r -> minute >= r.start && minute < r.end)) {
      return false;
    }
    if (!inAny(weekdays, t.getDayOfWeek().getValue())) {
      return false;
    }
    int length = t.toLocalDate().lengthOfMonth();
    int day = t.getDayOfMonth();
    if (!daysOfMonth.isEmpty()
        && daysOfMonth.stream()
            .noneMatch(r -> day >= absolute(r.start, length) && day <= absolute(r.end, length))) {
      return false;
    }
    return inAny(months, t.getMonthValue()) && inAny(years, t.getYear());
  }

  private static boolean inAny(List<Range> ranges, int value) {
    return ranges.isEmpty() || ranges.stream().anyMatch(r -> value >= r.start && value <= r.end);
  }

  private static int absolute(int day, int length) {
    return day < 0 ? length + day + 1 : day;
  }

  /** Whether any of {@code intervals} contains {@code instant}. */
  public static boolean anyContains(List<TimeInterval> intervals, Instant instant) {
    return intervals.stream().anyMatch(i -> i.contains(instant));
  }

  /** {@code "09:00"} to {@code "17:30"}: minutes of the day, end exclusive, 24:00 allowed. */
  public static Range time(String start, String end) {
    int s = minutes(start);
    int e = minutes(end);
    if (e <= s) {
      throw new IllegalArgumentException("end_time " + end + " must be after start_time " + start);
    }
    return new Range(s, e);
  }

  private static int minutes(String hhmm) {
    String[] parts = hhmm == null ? new String[0] : hhmm.trim().split(":");
    try {
      int h = Integer.parseInt(parts[0]);
      int m = Integer.parseInt(parts[1]);
      if (parts.length == 2 && h >= 0 && m >= 0 && m < 60 && (h < 24 || (h == 24 && m == 0))) {
        return h * 60 + m;
      }
    } catch (RuntimeException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("invalid time '" + hhmm + "', expected HH:MM");
  }

  /** {@code "monday:friday"} or {@code "sunday"}. */
  public static Range weekdays(String text) {
    return range(text, s -> named(WEEKDAYS.get(s.toLowerCase(Locale.ROOT)), s, "weekday"), 1, 7);
  }

  /** {@code "1:5"}, {@code "-3:-1"} (last three days), {@code "15"}. */
  public static Range daysOfMonth(String text) {
    Range r = range(text, Integer::parseInt, -31, 31);
    if (r.start == 0 || r.end == 0) {
      throw new IllegalArgumentException("day of month 0 does not exist in '" + text + "'");
    }
    return r;
  }

  /** {@code "january:march"} or {@code "1:3"}. */
  public static Range months(String text) {
    return range(
        text,
        s -> s.matches("\\d+") ? Integer.parseInt(s) : named(monthNumber(s), s, "month"),
        1,
        12);
  }

  /** {@code "2026"} or {@code "2026:2027"}. */
  public static Range years(String text) {
    return range(text, Integer::parseInt, 1, 9999);
  }

  private static Integer monthNumber(String name) {
    int i = MONTHS.indexOf(name.toLowerCase(Locale.ROOT));
    return i < 0 ? null : i + 1;
  }

  private static int named(Integer value, String text, String what) {
    if (value == null) {
      throw new IllegalArgumentException("unknown " + what + " '" + text + "'");
    }
    return value;
  }

  public static ZoneId location(String name) {
    try {
      return name == null ? ZoneId.of("UTC") : ZoneId.of(name.equals("Local") ? "UTC" : name);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown location '" + name + "'");
    }
  }

  private static Range range(
      String text, java.util.function.Function<String, Integer> parse, int min, int max) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty range");
    }
    String trimmed = text.trim();
    // A leading '-' is a negative day, not a separator; the separator is ':'.
    String[] parts = trimmed.split(":");
    try {
      int start = parse.apply(parts[0].trim());
      int end = parts.length > 1 ? parse.apply(parts[1].trim()) : start;
      if (parts.length > 2 || start < min || end > max || start > end) {
        throw new IllegalArgumentException("invalid range '" + text + "'");
      }
      return new Range(start, end);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid range '" + text + "'");
    }
  }
}
