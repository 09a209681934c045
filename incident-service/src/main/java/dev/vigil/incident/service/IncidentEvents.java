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

  static Optional<Record> of(Decision decision) {
    Incident incident = decision.incident();
    return Optional.ofNullable(
        switch (decision.outcome()) {
          case OPENED -> opened(incident);
          case UPDATED -> updated(decision, incident);
          case RESOLVED -> resolved(incident);
          case UNCHANGED, IGNORED -> null;
        });
  }

  private static IncidentOpened opened(Incident incident) {
    return new IncidentOpened(
        incident.id().toString(),
        incident.groupKey(),
        incident.title(),
        incident.severity(),
        List.of(), // components are mapped by a later issue
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

  private static IncidentResolved resolved(Incident incident) {
    return new IncidentResolved(
        incident.id().toString(),
        incident.groupKey(),
        incident.severity(),
        List.of(),
        incident.openedAt(),
        incident.resolvedAt(),
        Duration.between(incident.openedAt(), incident.resolvedAt()).toSeconds(),
        incident.resolvedBy());
  }
}
