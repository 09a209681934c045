package dev.vigil.incident.persistence;

import dev.vigil.incident.config.IncidentConfig;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ImpactSegment;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.incident.domain.sla.Impact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Components, their impact segments and maintenance windows, in domain terms. Callers provide the
 * transaction.
 *
 * <p>The component definitions are cached: every alert event maps its incident to components, and
 * reading the table each time was a query per event for data that changes a few times a year. A
 * change through this replica invalidates the cache at once (and again after its commit, so a read
 * that raced the change is not kept); a change through another replica is seen within {@code
 * vigil.incident.component-cache-ttl}.
 */
@ApplicationScoped
public class ComponentStore {

  private final ComponentRepository components;
  private final ComponentImpactRepository impacts;
  private final MaintenanceRepository maintenances;
  private final TransactionSynchronizationRegistry transactions;
  private final Clock clock;
  private final Duration cacheTtl;
  private final AtomicLong generation = new AtomicLong();
  private volatile Cached cached;

  private record Cached(List<Component> components, Instant loadedAt, long generation) {}

  public ComponentStore(
      ComponentRepository components,
      ComponentImpactRepository impacts,
      MaintenanceRepository maintenances,
      TransactionSynchronizationRegistry transactions,
      Clock clock,
      IncidentConfig config) {
    this.components = components;
    this.impacts = impacts;
    this.maintenances = maintenances;
    this.transactions = transactions;
    this.clock = clock;
    this.cacheTtl = config.componentCacheTtl();
  }

  /** Every component definition, in page order (cached, see the class comment). */
  public List<Component> components() {
    Cached c = cached;
    long current = generation.get();
    Instant now = clock.instant();
    if (c != null && c.generation() == current && c.loadedAt().plus(cacheTtl).isAfter(now)) {
      return c.components();
    }
    List<Component> fresh =
        components.listOrdered().stream().map(ComponentEntity::toDomain).toList();
    // Tagged with the generation read before loading: a change meanwhile forces the next reload.
    cached = new Cached(fresh, now, current);
    return fresh;
  }

  /** Drops the cached definitions now and once the current transaction has ended. */
  private void invalidate() {
    generation.incrementAndGet();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            generation.incrementAndGet();
          }
        });
  }

  public Optional<Component> component(String id) {
    return components.findByIdOptional(id).map(ComponentEntity::toDomain);
  }

  /** Inserts or replaces a component definition; returns whether it was new. */
  public boolean save(Component component, Instant now) {
    invalidate();
    ComponentEntity row = components.findById(component.id());
    boolean created = row == null;
    if (created) {
      row = new ComponentEntity();
      row.copyFrom(component, now);
      components.persist(row);
    } else {
      row.copyFrom(component, now);
    }
    return created;
  }

  public boolean delete(String id) {
    invalidate();
    return components.deleteById(id);
  }

  /**
   * Brings the open impact segments of an incident in line with {@code desired}: segments whose
   * component is no longer held, or held at another status, end now; new ones start now.
   *
   * @return ids of every component the incident has ever affected
   */
  public List<String> reconcileImpacts(
      UUID incidentId, Map<String, ComponentStatus> desired, Instant now) {
    reconcile(incidentId, impacts.openOfIncident(incidentId), desired, now);
    return impacts.componentsOfIncident(incidentId);
  }

  /** Like {@link #reconcileImpacts}, without listing the components afterwards. */
  public void replaceImpacts(UUID incidentId, Map<String, ComponentStatus> desired, Instant now) {
    reconcile(incidentId, impacts.openOfIncident(incidentId), desired, now);
  }

  /** Ids of every component the incident has ever affected. */
  public List<String> componentsOfIncident(UUID incidentId) {
    return impacts.componentsOfIncident(incidentId);
  }

  private void reconcile(
      UUID incidentId,
      List<ComponentImpactEntity> openSegments,
      Map<String, ComponentStatus> desired,
      Instant now) {
    Map<String, ComponentStatus> remaining = new HashMap<>(desired);
    boolean ended = false;
    for (ComponentImpactEntity open : openSegments) {
      ComponentStatus wanted = remaining.get(open.componentId);
      if (wanted == open.status) {
        remaining.remove(open.componentId);
      } else {
        open.endedAt = now;
        ended = true;
      }
    }
    if (ended && !remaining.isEmpty()) {
      // End first, then start: the one-open-segment index must never see two at once.
      impacts.flush();
    }
    remaining.forEach(
        (component, status) ->
            impacts.persist(ComponentImpactEntity.open(incidentId, component, status, now)));
  }

  /** Incident id to the impact segments it caused, oldest first. */
  public Map<UUID, List<ImpactSegment>> impactsOfIncidents(List<UUID> incidentIds) {
    Map<UUID, List<ImpactSegment>> byIncident = new HashMap<>();
    for (ComponentImpactEntity e : impacts.ofIncidents(incidentIds)) {
      byIncident
          .computeIfAbsent(e.incidentId, k -> new ArrayList<>())
          .add(new ImpactSegment(e.componentId, e.toDomain()));
    }
    return byIncident;
  }

  /** Component id to the statuses open incidents hold it at. */
  public Map<String, List<ComponentStatus>> openImpacts() {
    Map<String, List<ComponentStatus>> held = new HashMap<>();
    for (ComponentImpactEntity open : impacts.allOpen()) {
      held.computeIfAbsent(open.componentId, k -> new ArrayList<>()).add(open.status);
    }
    return held;
  }

  public List<Impact> impacts(String componentId, Instant from, Instant to) {
    return impacts.overlapping(componentId, from, to).stream()
        .map(ComponentImpactEntity::toDomain)
        .toList();
  }

  public void save(Maintenance maintenance) {
    MaintenanceEntity row = new MaintenanceEntity();
    row.id = maintenance.id();
    row.title = maintenance.title();
    row.body = maintenance.body();
    row.components = maintenance.components();
    row.startsAt = maintenance.startsAt();
    row.endsAt = maintenance.endsAt();
    row.createdBy = maintenance.createdBy();
    row.createdAt = maintenance.createdAt();
    maintenances.persist(row);
  }

  public Optional<Maintenance> maintenance(UUID id) {
    return maintenances.findByIdOptional(id).map(ComponentStore::toDomain);
  }

  /** Rewrites an existing window (title, body, components, times); who created it stays. */
  public void update(Maintenance maintenance) {
    MaintenanceEntity row = maintenances.findById(maintenance.id());
    row.title = maintenance.title();
    row.body = maintenance.body();
    row.components = maintenance.components();
    row.startsAt = maintenance.startsAt();
    row.endsAt = maintenance.endsAt();
  }

  public List<Maintenance> maintenances(Instant from, Instant to) {
    return maintenances.overlapping(from, to).stream().map(ComponentStore::toDomain).toList();
  }

  public List<Maintenance> maintenancesNotEnded(Instant now) {
    return maintenances.notEndedAt(now).stream().map(ComponentStore::toDomain).toList();
  }

  private static Maintenance toDomain(MaintenanceEntity e) {
    return new Maintenance(
        e.id, e.title, e.body, e.components, e.startsAt, e.endsAt, e.createdBy, e.createdAt);
  }
}
