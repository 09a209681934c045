package dev.vigil.incident.rest;

import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.Postmortem;
import dev.vigil.incident.service.IncidentDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One incident with its alerts and its timeline (oldest entry first). */
public record IncidentDetailDto(
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
    Instant acknowledgedAt,
    String acknowledgedBy,
    int activeAlerts,
    List<AlertDto> alerts,
    List<TimelineEntryDto> timeline,
    Postmortem postmortem,
    EscalationDto escalation) {

  static IncidentDetailDto of(IncidentDetails details) {
    Incident i = details.incident();
    return new IncidentDetailDto(
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
        i.acknowledgedAt(),
        i.acknowledgedBy(),
        i.activeAlerts(),
        i.alerts().stream().map(AlertDto::of).toList(),
        details.timeline().stream().map(TimelineEntryDto::of).toList(),
        details.postmortem(),
        EscalationDto.of(details.escalation()));
  }
}
