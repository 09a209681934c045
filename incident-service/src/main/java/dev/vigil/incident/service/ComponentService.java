package dev.vigil.incident.service;

import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentImpacts;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Components and their current status. A component's status is derived, never set: the worst status
 * its open incidents hold it at, or maintenance while an announced window runs.
 */
@ApplicationScoped
public class ComponentService {

  private final ComponentStore store;
  private final Clock clock;
  private final Instance<PublicPage> page;

  // The page is looked up lazily: it reads components through this service.
  public ComponentService(ComponentStore store, Clock clock, Instance<PublicPage> page) {
    this.store = store;
    this.clock = clock;
    this.page = page;
  }

  @Transactional
  public List<ComponentView> list() {
    return list(store.openImpacts());
  }

  /**
   * Components with the status the given open impacts and running maintenance give them.
   *
   * @param held component id to the statuses incidents hold it at
   */
  @Transactional
  public List<ComponentView> list(Map<String, List<ComponentStatus>> held) {
    Instant now = clock.instant();
    Set<String> inMaintenance = new HashSet<>();
    for (Maintenance m : store.maintenancesNotEnded(now)) {
      if (m.activeAt(now)) {
        inMaintenance.addAll(m.components());
      }
    }
    return store.components().stream()
        .map(
            c ->
                new ComponentView(
                    c,
                    ComponentImpacts.current(
                        held.getOrDefault(c.id(), List.of()), inMaintenance.contains(c.id()))))
        .toList();
  }

  @Transactional
  public ComponentView get(String id) {
    return list().stream()
        .filter(v -> v.component().id().equals(id))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("component", id));
  }

  /**
   * Creates or replaces a component. Incidents already open keep the impacts they had; the new
   * matching applies from their next change on.
   *
   * @return whether the component was new
   */
  @Transactional
  public boolean put(Component component) {
    page.get().changed();
    return store.save(component, clock.instant());
  }

  @Transactional
  public void delete(String id) {
    page.get().changed();
    if (!store.delete(id)) {
      throw ProblemException.notFound("component", id);
    }
  }
}
