package dev.vigil.incident.domain.publish;

import dev.vigil.events.IncidentStatus;
import java.util.List;

/**
 * What customers are told about an incident: name, stage and text. Until a responder publishes an
 * update the words are generic (alert titles can name internal hosts); afterwards the latest
 * published update's stage and text, and its latest title, win. A resolved incident is resolved
 * whatever the last update said.
 *
 * @param name e.g. "Trading API disruption" or the responder's title
 * @param status the public stage
 * @param body the latest text
 */
public record PublicWording(String name, PublicStatus status, String body) {

  /**
   * @param components names of the affected components, joined for display ("Service" if none)
   * @param updates published updates, newest first
   */
  public static PublicWording of(
      IncidentStatus incident, String components, List<PublicUpdate> updates) {
    String generic = components + " disruption";
    if (updates.isEmpty()) {
      return switch (incident) {
        case TRIGGERED ->
            new PublicWording(
                generic,
                PublicStatus.INVESTIGATING,
                "We are investigating a problem affecting " + components + ".");
        case ACKNOWLEDGED ->
            new PublicWording(
                generic,
                PublicStatus.IDENTIFIED,
                "The problem affecting " + components + " has been identified.");
        case RESOLVED ->
            new PublicWording(
                generic,
                PublicStatus.RESOLVED,
                "The problem affecting " + components + " has been resolved.");
      };
    }
    PublicUpdate latest = updates.get(0);
    String name =
        updates.stream()
            .map(PublicUpdate::title)
            .filter(t -> t != null && !t.isBlank())
            .findFirst()
            .orElse(generic);
    PublicStatus status =
        incident == IncidentStatus.RESOLVED ? PublicStatus.RESOLVED : latest.status();
    return new PublicWording(name, status, latest.body());
  }
}
