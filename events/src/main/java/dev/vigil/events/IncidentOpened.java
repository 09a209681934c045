package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Emitted by incident-service when the first alert of a new alert group opens an incident. Keyed by
 * {@code incidentId}.
 *
 * @param incidentId incident id (UUID)
 * @param groupKey the alert group the incident follows
 * @param title short human title
 * @param severity highest severity of its alerts
 * @param components components the incident affects (empty until components are mapped)
 * @param labels labels shared by the group
 * @param openedAt when it opened
 * @param alertFingerprints the alerts attached at opening
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentOpened(
    String incidentId,
    String groupKey,
    String title,
    Severity severity,
    List<String> components,
    Map<String, String> labels,
    Instant openedAt,
    List<String> alertFingerprints) {

  public IncidentOpened {
    components = components == null ? List.of() : List.copyOf(components);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    alertFingerprints = alertFingerprints == null ? List.of() : List.copyOf(alertFingerprints);
  }
}
