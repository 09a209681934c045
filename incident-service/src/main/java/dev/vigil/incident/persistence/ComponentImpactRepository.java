package dev.vigil.incident.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ComponentImpactRepository implements PanacheRepository<ComponentImpactEntity> {

  public List<ComponentImpactEntity> openOfIncident(UUID incidentId) {
    return list("incidentId = ?1 and endedAt is null", incidentId);
  }

  public List<String> componentsOfIncident(UUID incidentId) {
    return find(
            "select distinct c.componentId from ComponentImpactEntity c where c.incidentId = ?1",
            incidentId)
        .project(String.class)
        .list();
  }

  /** Every impact segment of the given incidents. */
  public List<ComponentImpactEntity> ofIncidents(List<UUID> incidentIds) {
    if (incidentIds.isEmpty()) {
      return List.of();
    }
    return list("incidentId in ?1", Sort.ascending("startedAt"), incidentIds);
  }

  /** Open impacts of every component, for current statuses. */
  public List<ComponentImpactEntity> allOpen() {
    return list("endedAt is null");
  }

  /** Impacts of a component that overlap {@code [from, to)}. */
  public List<ComponentImpactEntity> overlapping(String componentId, Instant from, Instant to) {
    return list(
        "componentId = ?1 and startedAt < ?3 and (endedAt is null or endedAt > ?2)",
        Sort.ascending("startedAt"),
        componentId,
        from,
        to);
  }
}
