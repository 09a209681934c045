package dev.vigil.incident.domain.escalation;

import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What escalation needs to know about an incident.
 *
 * @param components ids of the components it affects now
 */
public record IncidentFacts(
    UUID id, IncidentStatus status, Severity severity, List<String> components) {

  public IncidentFacts {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    components = List.copyOf(components);
  }

  /** Only a triggered incident (nobody acknowledged it, not resolved) escalates. */
  boolean unacknowledged() {
    return status == IncidentStatus.TRIGGERED;
  }
}
