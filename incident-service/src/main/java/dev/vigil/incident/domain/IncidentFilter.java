package dev.vigil.incident.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which incidents a listing shows. "Open" means anything not resolved, acknowledged included. */
public enum IncidentFilter {
  OPEN,
  RESOLVED,
  ALL;

  /** The filter named {@code value} (case-insensitive), if any. */
  public static Optional<IncidentFilter> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst();
  }

  /** The accepted spellings, for error messages. */
  public static String accepted() {
    return "open, resolved, all";
  }
}
