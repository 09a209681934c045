package dev.vigil.incident.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MaintenanceRepository implements PanacheRepositoryBase<MaintenanceEntity, UUID> {

  /** Windows that end after {@code from} and start before {@code to}. */
  public List<MaintenanceEntity> overlapping(Instant from, Instant to) {
    return list("endsAt > ?1 and startsAt < ?2", Sort.ascending("startsAt"), from, to);
  }

  /** Windows not yet over: scheduled or in progress. */
  public List<MaintenanceEntity> notEndedAt(Instant now) {
    return list("endsAt > ?1", Sort.ascending("startsAt"), now);
  }
}
