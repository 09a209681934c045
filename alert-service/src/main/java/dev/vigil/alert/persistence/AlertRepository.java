package dev.vigil.alert.persistence;

import dev.vigil.alert.domain.AlertStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, String> {

  private static final Sort NEWEST_FIRST =
      Sort.descending("startsAt").and("fingerprint", Sort.Direction.Ascending);

  /** Every alert, in any state, raised about an entity by rules over {@code source}. */
  public List<AlertEntity> findByEntity(String source, String entityId) {
    return list("targetId = ?1 and source = ?2", entityId, source);
  }

  /**
   * The alerts of many entities in one query (a consumer batch): every alert whose source is one of
   * {@code sources} and whose entity is one of {@code entityIds}. The caller drops the pairs it did
   * not ask for (a batch rarely mixes sources).
   */
  public List<AlertEntity> findByEntities(
      Collection<String> sources, Collection<String> entityIds) {
    if (sources.isEmpty() || entityIds.isEmpty()) {
      return List.of();
    }
    return list("targetId in ?1 and source in ?2", entityIds, sources);
  }

  /** Alerts with a running clock: pending, kept firing, or posted with an end. */
  public List<String> withTimers(int limit) {
    return getEntityManager()
        .createQuery(
            "select a.fingerprint from AlertEntity a where a.status = ?1"
                + " or (a.status = ?2 and (a.recoveringSince is not null or a.endsAt is not null))",
            String.class)
        .setParameter(1, AlertStatus.PENDING)
        .setParameter(2, AlertStatus.FIRING)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Alerts with {@code status} (all when {@code null}), newest first. */
  public List<AlertEntity> listNewestFirst(AlertStatus status, int limit) {
    var query = status == null ? findAll(NEWEST_FIRST) : find("status", NEWEST_FIRST, status);
    return query.page(Page.ofSize(limit)).list();
  }
}
