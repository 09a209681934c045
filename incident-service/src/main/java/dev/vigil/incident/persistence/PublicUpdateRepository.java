package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.publish.PublicUpdate;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Public updates in domain terms. Callers provide the transaction. */
@ApplicationScoped
public class PublicUpdateRepository implements PanacheRepositoryBase<PublicUpdateEntity, UUID> {

  public void save(PublicUpdate update) {
    PublicUpdateEntity row = findById(update.id());
    if (row == null) {
      row = new PublicUpdateEntity();
      row.copyFrom(update);
      persist(row);
    } else {
      row.copyFrom(update);
    }
  }

  public Optional<PublicUpdate> find(UUID id) {
    return findByIdOptional(id).map(PublicUpdateEntity::toDomain);
  }

  /** All updates of an incident, drafts included, newest first. */
  public List<PublicUpdate> ofIncident(UUID incidentId) {
    return list("incidentId", Sort.descending("createdAt"), incidentId).stream()
        .map(PublicUpdateEntity::toDomain)
        .toList();
  }

  /** Published updates of the given incidents, newest first per incident. */
  public Map<UUID, List<PublicUpdate>> publishedOf(List<UUID> incidentIds) {
    Map<UUID, List<PublicUpdate>> byIncident = new HashMap<>();
    if (incidentIds.isEmpty()) {
      return byIncident;
    }
    list(
            "incidentId in ?1 and publishedAt is not null",
            Sort.descending("publishedAt"),
            incidentIds)
        .forEach(
            e ->
                byIncident
                    .computeIfAbsent(e.incidentId, k -> new java.util.ArrayList<>())
                    .add(e.toDomain()));
    return byIncident;
  }
}
