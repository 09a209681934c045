package dev.vigil.incident.persistence;

import dev.vigil.events.IncidentStatus;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.incident.domain.PageCursor;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries over {@code incident}. */
@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<IncidentEntity, UUID> {

  private static final Sort NEWEST_FIRST = Sort.descending("openedAt", "id");

  /** Open incidents none of whose alerts fire: waiting out their quiet period. */
  public List<IncidentEntity> findOpenWithoutFiringAlerts(int limit) {
    return find("status <> ?1 and firingAlerts = 0 order by updatedAt", IncidentStatus.RESOLVED)
        .page(0, limit)
        .list();
  }

  /** The page of incidents after {@code cursor} (newest first), or the first page without one. */
  public List<IncidentEntity> list(IncidentFilter filter, int limit, PageCursor cursor) {
    if (cursor == null) {
      return list(filter, limit);
    }
    String after = "(openedAt < ?1 or (openedAt = ?1 and id < ?2))";
    PanacheQuery<IncidentEntity> query =
        switch (filter) {
          case OPEN ->
              find(
                  after + " and status <> ?3",
                  NEWEST_FIRST,
                  cursor.openedAt(),
                  cursor.id(),
                  IncidentStatus.RESOLVED);
          case RESOLVED ->
              find(
                  after + " and status = ?3",
                  NEWEST_FIRST,
                  cursor.openedAt(),
                  cursor.id(),
                  IncidentStatus.RESOLVED);
          case ALL -> find(after, NEWEST_FIRST, cursor.openedAt(), cursor.id());
        };
    return query.page(Page.ofSize(limit)).list();
  }

  public List<IncidentEntity> list(IncidentFilter filter, int limit) {
    PanacheQuery<IncidentEntity> query =
        switch (filter) {
          case OPEN -> find("status <> ?1", NEWEST_FIRST, IncidentStatus.RESOLVED);
          case RESOLVED -> find("status = ?1", NEWEST_FIRST, IncidentStatus.RESOLVED);
          case ALL -> findAll(NEWEST_FIRST);
        };
    return query.page(Page.ofSize(limit)).list();
  }

  /** Incidents opened in {@code [from, to)}, oldest first. */
  public List<IncidentEntity> openedBetween(Instant from, Instant to, int limit) {
    return find("openedAt >= ?1 and openedAt < ?2", Sort.ascending("openedAt"), from, to)
        .page(Page.ofSize(limit))
        .list();
  }

  /** Incidents that affected at least one component: what the public status page shows. */
  public List<IncidentEntity> listPublic(IncidentFilter filter, int limit) {
    String base =
        "select i from IncidentEntity i where exists"
            + " (select 1 from ComponentImpactEntity c where c.incidentId = i.id)";
    String order = " order by i.openedAt desc, i.id desc";
    PanacheQuery<IncidentEntity> query =
        switch (filter) {
          case OPEN -> find(base + " and i.status <> ?1" + order, IncidentStatus.RESOLVED);
          case RESOLVED -> find(base + " and i.status = ?1" + order, IncidentStatus.RESOLVED);
          case ALL -> find(base + order);
        };
    return query.page(Page.ofSize(limit)).list();
  }

  /**
   * Serialises all work on one alert group until the transaction ends, across replicas: without it
   * two replicas could both see no open incident and both open one (the partial unique index would
   * then reject the second, which is not a failure worth retrying).
   */
  public void lockGroup(String groupKey) {
    getEntityManager()
        .createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, groupKey)
        .getSingleResult();
  }

  /**
   * {@link #lockGroup} for several groups in one round trip. The locks are taken in the order of
   * their hash, the same in every transaction, so two batches sharing groups never deadlock.
   */
  public void lockGroups(List<String> groupKeys) {
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= groupKeys.size(); i++) {
      values.append(i == 1 ? "" : ",").append("(cast(?").append(i).append(" as text))");
    }
    var query =
        getEntityManager()
            .createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(s.h) from"
                    + " (select distinct hashtextextended(v.k, 0) as h from (values "
                    + values
                    + ") as v(k) order by 1) s) l");
    for (int i = 0; i < groupKeys.size(); i++) {
      query.setParameter(i + 1, groupKeys.get(i));
    }
    query.getSingleResult();
  }
}
