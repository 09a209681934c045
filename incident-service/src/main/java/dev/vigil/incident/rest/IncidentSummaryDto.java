package dev.vigil.incident.rest;

import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Incident;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An incident in a listing. */
public record IncidentSummaryDto(
    UUID id,
    String groupKey,
    String title,
    Severity severity,
    IncidentStatus status,
    Map<String, String> labels,
    Instant openedAt,
    Instant updatedAt,
    Instant resolvedAt,
    String resolvedBy,
    int alertCount,
    int activeAlerts) {

  static IncidentSummaryDto of(Incident i) {
    return new IncidentSummaryDto(
        i.id(),
        i.groupKey(),
        i.title(),
        i.severity(),
        i.status(),
        i.labels(),
        i.openedAt(),
        i.updatedAt(),
        i.resolvedAt(),
        i.resolvedBy(),
        i.alerts().size(),
        i.activeAlerts());
  }
}
