package dev.vigil.incident.service;

import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Announced maintenance windows. */
@ApplicationScoped
public class MaintenanceService {

  private final ComponentStore store;
  private final Clock clock;
  private final PublicPage page;

  public MaintenanceService(ComponentStore store, Clock clock, PublicPage page) {
    this.store = store;
    this.clock = clock;
    this.page = page;
  }

  /** Schedules a window; every component it names must exist. */
  @Transactional
  public Maintenance schedule(
      String title,
      String body,
      List<String> components,
      Instant startsAt,
      Instant endsAt,
      String actor) {
    for (int i = 0; i < components.size(); i++) {
      if (store.component(components.get(i)).isEmpty()) {
        throw ProblemException.invalidField(
            "components[" + i + "]", "no component " + components.get(i));
      }
    }
    Maintenance maintenance =
        new Maintenance(
            UUID.randomUUID(), title, body, components, startsAt, endsAt, actor, clock.instant());
    store.save(maintenance);
    page.changed();
    return maintenance;
  }

  /** Windows that are scheduled or in progress. */
  @Transactional
  public List<Maintenance> upcomingAndActive() {
    return store.maintenancesNotEnded(clock.instant());
  }

  public Instant now() {
    return clock.instant();
  }
}
