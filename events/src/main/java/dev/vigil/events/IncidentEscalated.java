package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Emitted by incident-service when an incident is still unacknowledged when a step of its
 * escalation policy comes due: the named alert-service receivers are to be notified again. Keyed by
 * {@code incidentId}.
 *
 * @param incidentId incident id (UUID)
 * @param groupKey the alert group the incident follows
 * @param title short human title
 * @param severity severity when it escalated
 * @param status status when it escalated (always TRIGGERED: acknowledged incidents do not escalate)
 * @param labels labels shared by the incident's alerts
 * @param components components the incident affects
 * @param policy name of the escalation policy that applied
 * @param step 1-based number of the step that came due
 * @param steps how many steps the policy has
 * @param receivers alert-service receiver names to notify
 * @param openedAt when the incident opened
 * @param triggeredAt when the current escalation chain started (opening or reopening)
 * @param escalatedAt when the step escalated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentEscalated(
    String incidentId,
    String groupKey,
    String title,
    Severity severity,
    IncidentStatus status,
    Map<String, String> labels,
    List<String> components,
    String policy,
    int step,
    int steps,
    List<String> receivers,
    Instant openedAt,
    Instant triggeredAt,
    Instant escalatedAt) {

  public IncidentEscalated {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    components = components == null ? List.of() : List.copyOf(components);
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
  }
}
