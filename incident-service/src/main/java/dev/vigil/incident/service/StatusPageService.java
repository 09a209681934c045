package dev.vigil.incident.service;

import dev.vigil.incident.config.StatusPageConfig;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.incident.domain.component.ImpactSegment;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.component.PageStatus;
import dev.vigil.incident.domain.publish.PublicUpdate;
import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.incident.persistence.PublicUpdateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the public status page shows. Only incidents that affected a component are public: an alert
 * about an internal host never reaches customers unless an operator maps it to a component.
 */
@ApplicationScoped
public class StatusPageService {

  /**
   * An incident as the public sees it: with the components it affected and the updates responders
   * published (newest first).
   */
  public record PublicIncident(
      Incident incident, List<ImpactSegment> impacts, List<PublicUpdate> updates) {}

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
  private final PublicUpdateRepository updates;
  private final StatusPageConfig config;
  private final Clock clock;

  public StatusPageService(
      ComponentService components,
      ComponentStore componentStore,
      IncidentStore incidents,
      PublicUpdateRepository updates,
      StatusPageConfig config,
      Clock clock) {
    this.components = components;
    this.componentStore = componentStore;
    this.incidents = incidents;
    this.updates = updates;
    this.config = config;
    this.clock = clock;
  }

  @Transactional
  public Snapshot snapshot() {
    Instant now = clock.instant();
    List<PublicIncident> unresolved = publicIncidents(IncidentFilter.OPEN, RECENT_INCIDENTS);
    List<ComponentView> views =
        config.requireApproval() ? components.list(heldBy(unresolved)) : components.list();
    return new Snapshot(
        now,
        views,
        PageStatus.of(views.stream().map(ComponentView::status).toList()),
        unresolved,
        componentStore.maintenancesNotEnded(now));
  }

  /** The most recent public incidents, resolved or not. */
  @Transactional
  public List<PublicIncident> recent() {
    return publicIncidents(IncidentFilter.ALL, RECENT_INCIDENTS);
  }

  private List<PublicIncident> publicIncidents(IncidentFilter filter, int limit) {
    List<Incident> list = incidents.listPublic(filter, limit);
    List<UUID> ids = list.stream().map(Incident::id).toList();
    Map<UUID, List<ImpactSegment>> impacts = componentStore.impactsOfIncidents(ids);
    Map<UUID, List<PublicUpdate>> published = updates.publishedOf(ids);
    return list.stream()
        .map(
            i ->
                new PublicIncident(
                    i,
                    impacts.getOrDefault(i.id(), List.of()),
                    published.getOrDefault(i.id(), List.of())))
        // With approval required, nothing reaches customers before a person has said something.
        .filter(p -> !config.requireApproval() || !p.updates().isEmpty())
        .toList();
  }

  /** Open impacts of the given incidents, per component. */
  private static Map<String, List<ComponentStatus>> heldBy(List<PublicIncident> open) {
    Map<String, List<ComponentStatus>> held = new HashMap<>();
    for (PublicIncident p : open) {
      for (ImpactSegment segment : p.impacts()) {
        if (segment.impact().end() == null) {
          held.computeIfAbsent(segment.componentId(), k -> new ArrayList<>())
              .add(segment.impact().status());
        }
      }
    }
    return held;
  }
}
