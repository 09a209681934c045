package dev.vigil.scanner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class InventoryLocationRepository implements PanacheRepository<InventoryLocationEntity> {

  /** Places where the latest scan of {@code targetId} saw a certificate. */
  public List<InventoryLocationEntity> currentAt(String targetId) {
    return list("targetId = ?1 and current = true order by chainPosition", targetId);
  }

  public Optional<InventoryLocationEntity> find(String sha256, String targetId) {
    return find("certificateSha256 = ?1 and targetId = ?2", sha256, targetId).firstResultOptional();
  }

  public List<InventoryLocationEntity> ofCertificates(Collection<String> sha256s) {
    return sha256s.isEmpty() ? List.of() : list("certificateSha256 in ?1", sha256s);
  }

  /** Every place of one certificate, current ones first, the latest seen first. */
  public List<InventoryLocationEntity> ofCertificate(String sha256) {
    return list("certificateSha256 = ?1 order by current desc, lastSeen desc, targetId", sha256);
  }

  /** Current places read from one Kubernetes object. */
  public List<InventoryLocationEntity> currentOfObject(String kind, String namespace, String name) {
    return list(
        "kind = ?1 and namespace = ?2 and name = ?3 and current = true", kind, namespace, name);
  }

  /** Current places of a kind that no scan has confirmed since {@code since}. */
  public List<InventoryLocationEntity> currentNotSeenSince(String kind, Instant since) {
    return list("kind = ?1 and current = true and lastSeen < ?2", kind, since);
  }

  /** Rows of (certificateSha256, kind, locations, current locations) for a page of certificates. */
  public List<Object[]> countsByKind(Collection<String> sha256s) {
    if (sha256s.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery(
            "select l.certificateSha256, l.kind, count(l),"
                + " sum(case when l.current = true then 1 else 0 end)"
                + " from InventoryLocationEntity l where l.certificateSha256 in :shas"
                + " group by l.certificateSha256, l.kind",
            Object[].class)
        .setParameter("shas", sha256s)
        .getResultList();
  }

  /** Distinct finding codes of the latest scans at a certificate's current places. */
  @SuppressWarnings("unchecked")
  public List<String> currentFindingCodes(String sha256) {
    return getEntityManager()
        .createNativeQuery(
            "select distinct code from inventory_location l,"
                + " jsonb_array_elements_text(l.last_findings) as code"
                + " where l.certificate_sha256 = :sha and l.current order by code")
        .setParameter("sha", sha256)
        .getResultList();
  }
}
