package dev.vigil.incident.domain.component;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentAlert;
import dev.vigil.incident.domain.sla.ComponentStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which components an incident holds at which status right now: for each component, the worst
 * status among the incident's firing alerts that affect it. A resolved incident holds none. The
 * caller compares this with the stored impacts and closes or opens impact segments, which is what
 * uptime is computed from.
 */
public final class ComponentImpacts {

  private ComponentImpacts() {}

  public static Map<String, ComponentStatus> of(
      Incident incident, Collection<Component> components) {
    if (!incident.isOpen()) {
      return new LinkedHashMap<>();
    }
    return ofAlerts(incident.alerts(), components);
  }

  /**
   * What the firing ones of {@code alerts} hold, for an open incident: {@link #of} when the
   * incident was loaded without all its alerts.
   */
  public static Map<String, ComponentStatus> ofAlerts(
      Collection<IncidentAlert> alerts, Collection<Component> components) {
    Map<String, ComponentStatus> impacts = new LinkedHashMap<>();
    for (IncidentAlert alert : alerts) {
      if (!alert.firing()) {
        continue;
      }
      for (Component component : components) {
        if (component.affectedBy(alert.labels())) {
          ComponentStatus status = component.statusFor(alert.severity());
          if (status != ComponentStatus.OPERATIONAL) {
            impacts.merge(component.id(), status, ComponentStatus::worst);
          }
        }
      }
    }
    return impacts;
  }

  /**
   * A component's current status: the worst of the statuses open incidents hold it at, or
   * maintenance while a window is active, or operational.
   */
  public static ComponentStatus current(
      Collection<ComponentStatus> heldByIncidents, boolean inMaintenance) {
    ComponentStatus status =
        inMaintenance ? ComponentStatus.UNDER_MAINTENANCE : ComponentStatus.OPERATIONAL;
    for (ComponentStatus held : heldByIncidents) {
      status = status.worst(held);
    }
    return status;
  }
}
