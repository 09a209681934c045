package dev.vigil.incident.domain;

import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentStatus;
import java.time.Instant;

/**
 * What responders do to an incident: acknowledge, resolve by hand, notes, public updates and the
 * post-incident review. Each appends to the timeline with the responder as actor.
 */
final class ResponderActions {

  private ResponderActions() {}

  /**
   * A responder acknowledges the incident: they are on it, so escalation stops. Acknowledging twice
   * changes nothing.
   */
  static Decision acknowledge(Incident incident, String actor, Instant now) {
    incident.requireOpen();
    if (incident.status() == IncidentStatus.ACKNOWLEDGED) {
      return Decision.unchanged(incident, null);
    }
    incident.acknowledged(actor, now);
    String message = "Acknowledged by " + actor;
    incident.entry(new TimelineEntry(TimelineKind.ACKNOWLEDGED, now, actor, message, null));
    return touched(
        incident,
        Decision.updated(incident, IncidentChange.ACKNOWLEDGED, null, message).by(actor),
        now);
  }

  /**
   * A responder resolves the incident by hand. While alerts still fire this needs {@code force}:
   * closing an incident whose cause is still visible hides an outage from customers and from the
   * uptime figures.
   *
   * @throws StillFiringException if alerts fire and {@code force} is false
   */
  static Decision resolveByHand(
      Incident incident, String actor, Instant now, boolean force, String comment) {
    incident.requireOpen();
    int firing = incident.activeAlerts();
    if (firing > 0 && !force) {
      throw new StillFiringException(incident.id(), firing);
    }
    String message = "Resolved by " + actor;
    if (firing > 0) {
      message += " (forced while " + firing + " alert(s) still fired)";
    }
    if (comment != null && !comment.isBlank()) {
      message += ": " + comment.strip();
    }
    incident.resolve(now, actor, message);
    return Decision.resolved(incident, null, message).by(actor);
  }

  /** A note on the timeline; it does not change the incident's state. */
  static Decision addNote(Incident incident, String actor, String text, Instant now) {
    // Notes are welcome after resolution too: post-incident findings belong on the timeline.
    incident.entry(new TimelineEntry(TimelineKind.NOTE, now, actor, text, null));
    return touched(
        incident, Decision.updated(incident, IncidentChange.NOTE_ADDED, null, text).by(actor), now);
  }

  /**
   * A public update was posted or published; the words themselves live with the update, the
   * timeline says who did it and when.
   */
  static Decision recordPublicUpdate(Incident incident, String actor, String message, Instant now) {
    incident.entry(new TimelineEntry(TimelineKind.PUBLIC_UPDATE, now, actor, message, null));
    return touched(
        incident,
        Decision.updated(incident, IncidentChange.PUBLIC_UPDATE, null, message).by(actor),
        now);
  }

  /** The post-incident review was written or changed. */
  static Decision recordPostmortem(Incident incident, String actor, Instant now) {
    String message = "Post-incident review updated by " + actor;
    incident.entry(new TimelineEntry(TimelineKind.POSTMORTEM, now, actor, message, null));
    return touched(
        incident,
        Decision.updated(incident, IncidentChange.NOTE_ADDED, null, message).by(actor),
        now);
  }

  private static Decision touched(Incident incident, Decision decision, Instant now) {
    incident.touch(now);
    return decision;
  }
}
