package dev.vigil.incident.domain.publish;

import java.util.Locale;
import java.util.Optional;

/** The stages of an incident as customers are told, in Statuspage's words. */
public enum PublicStatus {
  INVESTIGATING,
  IDENTIFIED,
  MONITORING,
  RESOLVED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PublicStatus> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (PublicStatus s : values()) {
      if (s.name().equalsIgnoreCase(value.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
