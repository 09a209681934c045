package dev.vigil.incident.rest;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.AlertStatus;
import dev.vigil.incident.domain.IncidentAlert;
import java.time.Instant;
import java.util.Map;

/** An alert attached to an incident. */
public record AlertDto(
    String fingerprint,
    String alertName,
    Severity severity,
    AlertStatus status,
    String summary,
    Map<String, String> labels,
    Instant firstFiredAt,
    Instant lastFiredAt,
    Instant resolvedAt) {

  static AlertDto of(IncidentAlert a) {
    return new AlertDto(
        a.fingerprint(),
        a.alertName(),
        a.severity(),
        a.status(),
        a.summary(),
        a.labels(),
        a.firstFiredAt(),
        a.lastFiredAt(),
        a.resolvedAt());
  }
}
