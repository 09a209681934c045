package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.AlertStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

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

  /** The firing alerts of one incident. */
  public List<IncidentAlertEntity> firingOf(UUID incidentId) {
    return list("id.incidentId = ?1 and status = ?2", ATTACH_ORDER, incidentId, AlertStatus.FIRING);
  }

  /** The firing alerts of the given incidents, and alert {@code fingerprint} in any of them. */
  public List<IncidentAlertEntity> firingOrFingerprint(
      Collection<UUID> incidentIds, String fingerprint) {
    if (incidentIds.isEmpty()) {
      return List.of();
    }
    return list(
        "id.incidentId in ?1 and (status = ?2 or id.fingerprint = ?3)",
        ATTACH_ORDER,
        incidentIds,
        AlertStatus.FIRING,
        fingerprint);
  }
}
