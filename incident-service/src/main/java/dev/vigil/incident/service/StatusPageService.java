package dev.vigil.incident.service;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.incident.domain.component.ImpactSegment;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.component.PageStatus;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.IncidentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the public status page shows. Only incidents that affected a component are public: an alert
 * about an internal host never reaches customers unless an operator maps it to a component.
 */
@ApplicationScoped
public class StatusPageService {

  /** An incident as the public sees it: with the components it affected. */
  public record PublicIncident(Incident incident, List<ImpactSegment> impacts) {}

  /** Everything on the page at one instant. */
  public record Snapshot(
      Instant at,
      List<ComponentView> components,
      PageStatus status,
      List<PublicIncident> unresolved,
      List<Maintenance> maintenances) {}

  /** How many incidents {@code incidents.json} lists, as Statuspage does. */
  public static final int RECENT_INCIDENTS = 50;

  private final ComponentService components;
  private final ComponentStore componentStore;
  private final IncidentStore incidents;
  private final Clock clock;

  public StatusPageService(
      ComponentService components,
      ComponentStore componentStore,
      IncidentStore incidents,
      Clock clock) {
    this.components = components;
    this.componentStore = componentStore;
    this.incidents = incidents;
    this.clock = clock;
  }

  @Transactional
  public Snapshot snapshot() {
    Instant now = clock.instant();
    List<ComponentView> views = components.list();
    return new Snapshot(
        now,
        views,
        PageStatus.of(views.stream().map(ComponentView::status).toList()),
        publicIncidents(IncidentFilter.OPEN, RECENT_INCIDENTS),
        componentStore.maintenancesNotEnded(now));
  }

  /** The most recent public incidents, resolved or not. */
  @Transactional
  public List<PublicIncident> recent() {
    return publicIncidents(IncidentFilter.ALL, RECENT_INCIDENTS);
  }

  private List<PublicIncident> publicIncidents(IncidentFilter filter, int limit) {
    List<Incident> list = incidents.listPublic(filter, limit);
    Map<UUID, List<ImpactSegment>> impacts =
        componentStore.impactsOfIncidents(list.stream().map(Incident::id).toList());
    return list.stream()
        .map(i -> new PublicIncident(i, impacts.getOrDefault(i.id(), List.of())))
        .toList();
  }
}
