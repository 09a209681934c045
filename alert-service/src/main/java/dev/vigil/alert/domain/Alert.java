package dev.vigil.alert.domain;

import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * A stored alert as the rest of the service reads it.
 *
 * @param fingerprint identity: hash of the labels
 * @param alertName rule name
 * @param targetId target the alert is about
 * @param severity last severity it fired with
 * @param status firing or resolved
 * @param labels identifying labels
 * @param annotations human text
 * @param groupKey group it was fired into
 * @param value figure that made it fire
 * @param startsAt start of the current (or last) firing period
 * @param updatedAt last change
 * @param resolvedAt end of the last firing period, {@code null} while firing
 * @param lastEventId CloudEvent id of the observation that last changed it
 */
public record Alert(
    String fingerprint,
    String alertName,
    String targetId,
    Severity severity,
    AlertStatus status,
    Map<String, String> labels,
    Map<String, String> annotations,
    String groupKey,
    Double value,
    Instant startsAt,
    Instant updatedAt,
    Instant resolvedAt,
    String lastEventId) {

  public Alert {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public AlertState state() {
    return new AlertState(status, severity);
  }
}
