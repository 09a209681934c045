package dev.vigil.incident.domain;

import dev.vigil.events.IncidentChange;
import java.util.Objects;

/**
 * What applying one alert event did to the incidents, and so what incident-service must store and
 * announce.
 *
 * @param outcome the kind of result
 * @param incident the incident concerned; {@code null} only when {@link Outcome#IGNORED}
 * @param change for {@link Outcome#UPDATED}: what changed
 * @param alertFingerprint the alert the event was about
 * @param message one human sentence: the update's text, or why the event was ignored
 * @param actor who made the change: {@code system} or a user name
 */
public record Decision(
    Outcome outcome,
    Incident incident,
    IncidentChange change,
    String alertFingerprint,
    String message,
    String actor) {

  /** The kinds of result, one per outgoing event type plus the two silent ones. */
  public enum Outcome {
    /** A new incident: announce IncidentOpened. */
    OPENED,
    /** An open incident changed: announce IncidentUpdated. */
    UPDATED,
    /** The incident resolved: announce IncidentResolved. */
    RESOLVED,
    /** Bookkeeping only (e.g. last-fired time); nothing worth announcing. */
    UNCHANGED,
    /** The event does not concern any open incident; nothing is stored. */
    IGNORED
  }

  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    if (outcome != Outcome.IGNORED) {
      Objects.requireNonNull(incident, "incident");
    }
    if (outcome == Outcome.UPDATED) {
      Objects.requireNonNull(change, "change");
    }
    Objects.requireNonNull(actor, "actor");
  }

  /** This decision, made by {@code person} rather than by the system. */
  Decision by(String person) {
    return new Decision(outcome, incident, change, alertFingerprint, message, person);
  }

  static Decision opened(Incident incident, String fingerprint, String message) {
    return new Decision(Outcome.OPENED, incident, null, fingerprint, message, TimelineEntry.SYSTEM);
  }

  static Decision updated(
      Incident incident, IncidentChange change, String fingerprint, String message) {
    return new Decision(
        Outcome.UPDATED, incident, change, fingerprint, message, TimelineEntry.SYSTEM);
  }

  static Decision resolved(Incident incident, String fingerprint, String message) {
    return new Decision(
        Outcome.RESOLVED, incident, null, fingerprint, message, TimelineEntry.SYSTEM);
  }

  static Decision unchanged(Incident incident, String fingerprint) {
    return new Decision(Outcome.UNCHANGED, incident, null, fingerprint, null, TimelineEntry.SYSTEM);
  }

  static Decision ignored(String fingerprint, String reason) {
    return new Decision(Outcome.IGNORED, null, null, fingerprint, reason, TimelineEntry.SYSTEM);
  }

  /** Whether there is something to store. */
  public boolean changesState() {
    return outcome != Outcome.IGNORED;
  }
}
