package dev.vigil.scanner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class InventoryScanRepository implements PanacheRepository<InventoryScanEntity> {

  /** Deletes all but the newest {@code keep} scans of a location. */
  public void prune(long locationId, int keep) {
    getEntityManager()
        .createNativeQuery(
            "delete from inventory_scan where location_id = :location and id < ("
                + " select coalesce(min(id), 0) from (select id from inventory_scan"
                + " where location_id = :location order by id desc limit :keep) as newest)")
        .setParameter("location", locationId)
        .setParameter("keep", keep)
        .executeUpdate();
  }

  /** The newest scans of a certificate at any of its places. */
  public List<InventoryScanEntity> latestOf(String sha256, int limit) {
    return find("certificateSha256 = ?1 order by scannedAt desc, id desc", sha256)
        .page(0, limit)
        .list();
  }
}
