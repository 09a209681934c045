package dev.vigil.incident.rest.console;

import dev.vigil.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times as the console shows and reads them: always UTC, so responders in different places talk
 * about the same minute; HTML {@code datetime-local} inputs carry no zone, the labels say UTC.
 */
final class Times {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  private Times() {}

  static String show(Instant at) {
    return at == null ? "" : SHOWN.format(at);
  }

  static String input(Instant at) {
    return at == null ? "" : INPUT.format(at.truncatedTo(ChronoUnit.MINUTES));
  }

  /** A {@code datetime-local} value in UTC; blank is {@code null}. */
  static Instant parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "must be a date and time in UTC, such as 2026-06-01T22:00");
    }
  }
}
