package dev.vigil.incident.service;

import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
  private final UptimeService uptime;
  private final TransactionSynchronizationRegistry transactions;

  public MaintenanceService(
      ComponentStore store,
      Clock clock,
      PublicPage page,
      UptimeService uptime,
      TransactionSynchronizationRegistry transactions) {
    this.store = store;
    this.clock = clock;
    this.page = page;
    this.uptime = uptime;
    this.transactions = transactions;
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
    requireComponents(components);
    Maintenance maintenance =
        new Maintenance(
            UUID.randomUUID(), title, body, components, startsAt, endsAt, actor, clock.instant());
    store.save(maintenance);
    page.changed();
    historyChanged();
    return maintenance;
  }

  /** One window, whatever its status. */
  @Transactional
  public Maintenance get(UUID id) {
    return store
        .maintenance(id)
        .orElseThrow(() -> ProblemException.notFound("maintenance", id.toString()));
  }

  /**
   * Changes a window: moved, extended, cut short or re-worded. Uptime of past days follows the new
   * times, as a window announced late should still be excluded; that is the operator's call.
   */
  @Transactional
  public Maintenance reschedule(
      UUID id,
      String title,
      String body,
      List<String> components,
      Instant startsAt,
      Instant endsAt) {
    Maintenance old = get(id);
    requireComponents(components);
    Maintenance changed =
        new Maintenance(
            id, title, body, components, startsAt, endsAt, old.createdBy(), old.createdAt());
    store.update(changed);
    page.changed();
    historyChanged();
    return changed;
  }

  /**
   * A window may lie in the past: the status page's kept daily uptime is recomputed. Forgotten now
   * and again after the commit, so a refresh in between does not keep figures of the old window.
   */
  private void historyChanged() {
    uptime.historyChanged();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            uptime.historyChanged();
          }
        });
  }

  private void requireComponents(List<String> components) {
    for (int i = 0; i < components.size(); i++) {
      if (store.component(components.get(i)).isEmpty()) {
        throw ProblemException.invalidField(
            "components[" + i + "]", "no component " + components.get(i));
      }
    }
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
