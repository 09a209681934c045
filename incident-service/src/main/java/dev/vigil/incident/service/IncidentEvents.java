package dev.vigil.incident.service;

import dev.vigil.events.IncidentOpened;
import dev.vigil.events.IncidentResolved;
import dev.vigil.events.IncidentUpdated;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Turns a decision into the event incident-service announces, if any. */
final class IncidentEvents {

  private IncidentEvents() {}

  /**
   * @param components ids of the components the incident affects or has affected
   */
  static Optional<Record> of(Decision decision, List<String> components) {
    Incident incident = decision.incident();
    return Optional.ofNullable(
        switch (decision.outcome()) {
          case OPENED -> opened(incident, components);
          case UPDATED -> updated(decision, incident);
          case RESOLVED -> resolved(incident, components);
          case UNCHANGED, IGNORED -> null;
        });
  }

  private static IncidentOpened opened(Incident incident, List<String> components) {
    return new IncidentOpened(
        incident.id().toString(),
        incident.groupKey(),
        incident.title(),
        incident.severity(),
        components,
        incident.labels(),
        incident.openedAt(),
        incident.alertFingerprints());
  }

  private static IncidentUpdated updated(Decision decision, Incident incident) {
    return new IncidentUpdated(
        incident.id().toString(),
        decision.change(),
        incident.status(),
        incident.severity(),
        incident.updatedAt(),
        decision.actor(),
        decision.alertFingerprint(),
        decision.message(),
        incident.activeAlerts());
  }

  private static IncidentResolved resolved(Incident incident, List<String> components) {
    return new IncidentResolved(
        incident.id().toString(),
        incident.groupKey(),
        incident.severity(),
        components,
        incident.openedAt(),
        incident.resolvedAt(),
        Duration.between(incident.openedAt(), incident.resolvedAt()).toSeconds(),
        incident.resolvedBy());
  }
}
