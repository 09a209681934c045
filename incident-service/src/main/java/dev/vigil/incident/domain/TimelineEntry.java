package dev.vigil.incident.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an incident's history. Entries are only ever appended.
 *
 * @param kind what happened
 * @param at when incident-service decided it
 * @param actor {@code system} or, once people act on incidents, a user name
 * @param message one human sentence
 * @param alertFingerprint the alert concerned, or {@code null} for incident-wide entries
 */
public record TimelineEntry(
    TimelineKind kind, Instant at, String actor, String message, String alertFingerprint) {

  /** The actor of every automatic change. */
  public static final String SYSTEM = "system";

  public TimelineEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(message, "message");
  }

  static TimelineEntry system(TimelineKind kind, Instant at, String message, String fingerprint) {
    return new TimelineEntry(kind, at, SYSTEM, message, fingerprint);
  }
}
