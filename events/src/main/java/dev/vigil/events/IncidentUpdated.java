package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Emitted by incident-service for every change of an open incident short of resolving it. Keyed by
 * {@code incidentId}.
 *
 * @param incidentId incident id
 * @param change what changed
 * @param status status after the change
 * @param severity severity after the change
 * @param updatedAt when it changed
 * @param actor {@code system} or a user name
 * @param alertFingerprint the alert concerned, for alert changes
 * @param message one human sentence for the timeline
 * @param activeAlerts number of alerts of the incident still firing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentUpdated(
    String incidentId,
    IncidentChange change,
    IncidentStatus status,
    Severity severity,
    Instant updatedAt,
    String actor,
    String alertFingerprint,
    String message,
    int activeAlerts) {}
