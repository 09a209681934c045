package dev.vigil.incident.domain.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of time during which an incident held a component at a status worse than operational.
 * {@code end} is {@code null} while the incident is still open.
 *
 * @param incidentId the incident this impact comes from (evidence in reports)
 * @param status the status the incident gave the component
 * @param start when the impact began
 * @param end when it ended, or {@code null} if it has not
 */
public record Impact(String incidentId, ComponentStatus status, Instant start, Instant end) {

  public Impact {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(start, "start");
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("impact ends before it starts: " + incidentId);
    }
  }

  /** The end, or {@code now} while the impact lasts. */
  Instant endOr(Instant now) {
    return end == null ? now : end;
  }
}
