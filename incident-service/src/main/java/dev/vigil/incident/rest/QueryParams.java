package dev.vigil.incident.rest;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.platform.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses request parameters by hand rather than letting JAX-RS convert them: a failed JAX-RS
 * conversion of a path or query parameter answers 404 without naming the parameter, while the API
 * promises a 400 problem that names it.
 */
final class QueryParams {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  // UUID.fromString also accepts forms such as "1-2-3-4-5"; ids are canonical UUIDs only.
  private static final Pattern CANONICAL_UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private QueryParams() {}

  static IncidentFilter status(String value) {
    if (value == null) {
      return IncidentFilter.ALL;
    }
    return IncidentFilter.parse(value)
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    "status", "must be one of " + IncidentFilter.accepted()));
  }

  static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below like an out-of-range value
    }
    throw ProblemException.invalidField("limit", "must be an integer from 1 to " + MAX_LIMIT);
  }

  static Severity severity(String value) {
    try {
      return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("severity", "must be critical, warning or info");
    }
  }

  static UUID id(String value) {
    if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
      throw ProblemException.invalidField("id", "must be a UUID");
    }
    return UUID.fromString(value);
  }

  static Instant instant(String field, String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "must be an ISO-8601 instant such as 2026-06-01T00:00:00Z");
    }
  }
}
