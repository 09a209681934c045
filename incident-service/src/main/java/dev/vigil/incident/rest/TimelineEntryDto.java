package dev.vigil.incident.rest;

import dev.vigil.incident.domain.TimelineEntry;
import dev.vigil.incident.domain.TimelineKind;
import java.time.Instant;

/** One line of an incident's timeline. */
public record TimelineEntryDto(
    Instant at, TimelineKind kind, String actor, String message, String alertFingerprint) {

  static TimelineEntryDto of(TimelineEntry e) {
    return new TimelineEntryDto(e.at(), e.kind(), e.actor(), e.message(), e.alertFingerprint());
  }
}
