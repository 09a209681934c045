package dev.vigil.scanner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<TargetEntity, String> {

  /** Locks up to {@code limit} targets due at {@code now}, skipping rows another replica holds. */
  public List<TargetEntity> lockDue(Instant now, int limit) {
    return find("nextScanAt <= ?1", Sort.by("nextScanAt"), now)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .withHint("jakarta.persistence.lock.timeout", -2) // -2 = SKIP LOCKED in Hibernate
        .page(0, limit)
        .list();
  }

  public List<TargetEntity> listByCreation() {
    return list("order by createdAt, id");
  }
}
