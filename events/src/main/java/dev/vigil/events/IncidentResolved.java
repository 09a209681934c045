package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Emitted by incident-service when an incident resolves, automatically when all its alerts have
 * resolved or by hand. Keyed by {@code incidentId}. Uptime and service credits are computed from
 * these.
 *
 * @param incidentId incident id
 * @param groupKey its alert group
 * @param severity highest severity it reached
 * @param components components it affected
 * @param openedAt when it opened
 * @param resolvedAt when it resolved
 * @param durationSeconds resolvedAt minus openedAt
 * @param resolvedBy {@code system} or a user name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentResolved(
    String incidentId,
    String groupKey,
    Severity severity,
    List<String> components,
    Instant openedAt,
    Instant resolvedAt,
    long durationSeconds,
    String resolvedBy) {

  public IncidentResolved {
    components = components == null ? List.of() : List.copyOf(components);
  }
}
