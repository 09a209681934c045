package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Emitted by alert-service when a firing alert stops firing, e.g. a certificate was renewed. Keyed
 * by {@code fingerprint}.
 *
 * @param fingerprint identity of the alert that resolved
 * @param alertName the rule's alert name
 * @param labels the alert's labels
 * @param groupKey the alert group it belonged to
 * @param startsAt when it first fired
 * @param resolvedAt when it resolved
 * @param reason why, in one sentence
 * @param causationId id of the CloudEvent that caused this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResolved(
    String fingerprint,
    String alertName,
    Map<String, String> labels,
    String groupKey,
    Instant startsAt,
    Instant resolvedAt,
    String reason,
    String causationId) {

  public AlertResolved {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
