package dev.vigil.alert.persistence;

import dev.vigil.alert.domain.AlertStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

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
    // Two steps, because most entities of a poll have no alert at all: a plain JDBC lookup with
    // array parameters (one statement and one plan whatever the poll's size; an HQL `in` list
    // makes Hibernate translate and PostgreSQL plan a new statement per list length), then only
    // the hits become managed entities, loaded by id (one `= any(?)` statement).
    Session session = getEntityManager().unwrap(Session.class);
    List<String> fingerprints =
        session.doReturningWork(
            connection -> {
              List<String> found = new ArrayList<>();
              Array targets = connection.createArrayOf("varchar", entityIds.toArray());
              Array types = connection.createArrayOf("varchar", sources.toArray());
              try (PreparedStatement query =
                  connection.prepareStatement(
                      "select fingerprint from alert where target_id = any(?) and source = any(?)")) {
                query.setArray(1, targets);
                query.setArray(2, types);
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    found.add(rows.getString(1));
                  }
                }
              } finally {
                targets.free();
                types.free();
              }
              return found;
            });
    if (fingerprints.isEmpty()) {
      return List.of();
    }
    List<AlertEntity> loaded = new ArrayList<>(fingerprints.size());
    for (AlertEntity a : session.findMultiple(AlertEntity.class, fingerprints)) {
      if (a != null) { // alerts are never deleted today; a null would be a row deleted meanwhile
        loaded.add(a);
      }
    }
    return loaded;
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
