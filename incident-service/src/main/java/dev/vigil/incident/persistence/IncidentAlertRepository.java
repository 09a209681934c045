package dev.vigil.incident.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Queries over {@code incident_alert}. */
@ApplicationScoped
public class IncidentAlertRepository
    implements PanacheRepositoryBase<IncidentAlertEntity, IncidentAlertEntity.Key> {

  private static final Sort ATTACH_ORDER = Sort.ascending("firstFiredAt", "id.fingerprint");

  /** The alerts of the given incidents, in one query. */
  public List<IncidentAlertEntity> listByIncidents(Collection<?> incidentIds) {
    if (incidentIds.isEmpty()) {
      return List.of();
    }
    return list("id.incidentId in ?1", ATTACH_ORDER, incidentIds);
  }
}
