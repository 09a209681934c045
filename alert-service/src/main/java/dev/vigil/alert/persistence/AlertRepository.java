package dev.vigil.alert.persistence;

import dev.vigil.alert.domain.AlertStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, String> {

  private static final Sort NEWEST_FIRST =
      Sort.descending("startsAt").and("fingerprint", Sort.Direction.Ascending);

  /** Every alert, firing or not, a rule has raised for a target. */
  public List<AlertEntity> findByTarget(String targetId, String alertName) {
    return list("targetId = ?1 and alertName = ?2", targetId, alertName);
  }

  /** Alerts with {@code status} (all when {@code null}), newest first. */
  public List<AlertEntity> listNewestFirst(AlertStatus status, int limit) {
    var query = status == null ? findAll(NEWEST_FIRST) : find("status", NEWEST_FIRST, status);
    return query.page(Page.ofSize(limit)).list();
  }
}
