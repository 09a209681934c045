package dev.vigil.alert.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.alert.domain.Alert;
import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.Map;

/** An alert as {@code GET /api/v1/alerts} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertDto(
    String fingerprint,
    String alertName,
    AlertStatus status,
    Severity severity,
    String targetId,
    Map<String, String> labels,
    Map<String, String> annotations,
    String groupKey,
    Double value,
    Instant startsAt,
    Instant updatedAt,
    Instant resolvedAt,
    String lastEventId) {

  static AlertDto of(Alert a) {
    return new AlertDto(
        a.fingerprint(),
        a.alertName(),
        a.status(),
        a.severity(),
        a.targetId(),
        a.labels(),
        a.annotations(),
        a.groupKey(),
        a.value(),
        a.startsAt(),
        a.updatedAt(),
        a.resolvedAt(),
        a.lastEventId());
  }
}
