package dev.vigil.incident.domain.component;

import dev.vigil.incident.domain.sla.ComponentStatus;
import java.util.Collection;

/**
 * The one-line status of the whole page, as Statuspage's {@code status.indicator} and {@code
 * description}: the worst component decides.
 */
public record PageStatus(String indicator, String description) {

  public static PageStatus of(Collection<ComponentStatus> components) {
    ComponentStatus worst = ComponentStatus.OPERATIONAL;
    for (ComponentStatus status : components) {
      worst = worst.worst(status);
    }
    return switch (worst) {
      case OPERATIONAL -> new PageStatus("none", "All Systems Operational");
      case UNDER_MAINTENANCE -> new PageStatus("maintenance", "Service Under Maintenance");
      case DEGRADED_PERFORMANCE -> new PageStatus("minor", "Minor Service Outage");
      case PARTIAL_OUTAGE -> new PageStatus("major", "Partial System Outage");
      case MAJOR_OUTAGE -> new PageStatus("critical", "Major System Outage");
    };
  }
}
