package dev.vigil.incident.service;

import dev.vigil.events.IncidentChange;
import dev.vigil.incident.domain.AlertChange;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentImpacts;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.IncidentStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Keeps an incident's component impact segments in line after an alert event, without loading the
 * incident's other alerts where the event's own alert decides it. The impacts are the worst status
 * per component over the incident's firing alerts, so:
 *
 * <ul>
 *   <li>the incident resolved: it holds nothing;
 *   <li>an alert started firing (attached, joined, fired again) and the incident was open: the
 *       worst over the firing alerts can only grow by what that alert holds, so it is merged into
 *       the stored open segments;
 *   <li>an alert fires on with the same severity and labels: nothing changes;
 *   <li>otherwise (an alert resolved or changed severity or labels, the incident reopened): the
 *       firing alerts are read (one narrow query) and the impacts computed afresh.
 * </ul>
 *
 * The stored segments were computed with the component definitions of their time; a definition
 * changed since is applied at the incident's next full computation, not on a merge.
 */
@ApplicationScoped
public class IntakeImpacts {

  private final ComponentStore components;
  private final IncidentStore store;

  public IntakeImpacts(ComponentStore components, IncidentStore store) {
    this.components = components;
    this.store = store;
  }

  public void update(Decision decision) {
    Incident incident = decision.incident();
    if (!incident.isOpen()) {
      components.replaceImpacts(incident.id(), Map.of(), incident.updatedAt());
      return;
    }
    List<AlertChange> changes = incident.alertChanges();
    if (changes.stream().allMatch(AlertChange::sameImpact)) {
      return;
    }
    List<Component> definitions = components.components();
    if (!incident.stored()) {
      // Just opened: all its alerts are at hand.
      components.replaceImpacts(
          incident.id(),
          ComponentImpacts.ofAlerts(incident.alerts(), definitions),
          incident.updatedAt());
      return;
    }
    boolean wasOpen = decision.change() != IncidentChange.REOPENED;
    if (wasOpen && changes.stream().allMatch(AlertChange::startedFiring)) {
      components.growImpacts(
          incident.id(),
          ComponentImpacts.ofAlerts(changes.stream().map(AlertChange::after).toList(), definitions),
          incident.updatedAt());
      return;
    }
    components.replaceImpacts(
        incident.id(),
        ComponentImpacts.ofAlerts(store.firingAlerts(incident.id()), definitions),
        incident.updatedAt());
  }
}
