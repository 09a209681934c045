package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Emitted by alert-service when an alert starts firing, and again when a firing alert's severity or
 * annotations change. Keyed by {@code fingerprint}, so one alert's events stay in order.
 *
 * @param fingerprint stable identity of the alert: a hash of its labels
 * @param alertName the rule's alert name, also in {@code labels.alertname}
 * @param severity current severity
 * @param labels identifying labels (target labels included)
 * @param annotations {@code summary}, {@code description} and other non-identifying text
 * @param groupKey the alert group it belongs to; incidents are opened per group
 * @param startsAt when the alert first fired
 * @param firedAt when this event was decided
 * @param value the figure that made it fire, e.g. days left
 * @param causationId id of the CloudEvent that caused this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertFired(
    String fingerprint,
    String alertName,
    Severity severity,
    Map<String, String> labels,
    Map<String, String> annotations,
    String groupKey,
    Instant startsAt,
    Instant firedAt,
    Double value,
    String causationId) {

  public AlertFired {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
