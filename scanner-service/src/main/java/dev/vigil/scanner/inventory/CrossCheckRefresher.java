package dev.vigil.scanner.inventory;

import dev.vigil.events.Finding;
import dev.vigil.events.ScanTarget;
import dev.vigil.scanner.domain.inventory.CrossChecks;
import dev.vigil.scanner.domain.inventory.InventoryCertificate;
import dev.vigil.scanner.domain.inventory.Sighting;
import dev.vigil.scanner.persistence.InventoryCertificateEntity;
import dev.vigil.scanner.persistence.InventoryCertificateRepository;
import dev.vigil.scanner.persistence.InventoryLocationEntity;
import dev.vigil.scanner.persistence.InventoryLocationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Re-runs the cross-checks on the groups a change touched: every end-entity certificate with the
 * same names (renewed but not deployed) or the same key (key reuse) as a touched one. Runs inside
 * the caller's transaction, which holds the groups' advisory locks.
 */
@ApplicationScoped
public class CrossCheckRefresher {

  private final InventoryCertificateRepository certificates;
  private final InventoryLocationRepository locations;
  private final CrossChecks checks;

  public CrossCheckRefresher(
      InventoryCertificateRepository certificates,
      InventoryLocationRepository locations,
      CrossChecks checks) {
    this.certificates = certificates;
    this.locations = locations;
    this.checks = checks;
  }

  /** Advisory-lock keys of the groups a certificate belongs to (none for a CA). */
  static List<String> groupKeys(boolean certificateAuthority, String nameKey, String spki) {
    return certificateAuthority ? List.of() : List.of("names:" + nameKey, "key:" + spki);
  }

  /**
   * @return fingerprints of the certificates whose cross-check findings changed
   */
  public Set<String> refresh(Collection<InventoryCertificateEntity> touched) {
    Set<String> nameKeys = new HashSet<>();
    Set<String> spkis = new HashSet<>();
    touched.stream()
        .filter(c -> !c.certificateAuthority)
        .forEach(
            c -> {
              nameKeys.add(c.nameKey);
              spkis.add(c.spkiSha256);
            });
    if (nameKeys.isEmpty()) {
      return Set.of();
    }
    List<InventoryCertificateEntity> group = certificates.endEntitiesSharing(nameKeys, spkis);
    Map<String, List<InventoryLocationEntity>> placesBySha =
        locations.ofCertificates(group.stream().map(c -> c.sha256).toList()).stream()
            .collect(Collectors.groupingBy(l -> l.certificateSha256));
    List<InventoryCertificate> sameNames = new ArrayList<>();
    List<InventoryCertificate> sameKeys = new ArrayList<>();
    for (InventoryCertificateEntity c : group) {
      InventoryCertificate cert = toDomain(c, placesBySha.getOrDefault(c.sha256, List.of()));
      if (nameKeys.contains(c.nameKey)) {
        sameNames.add(cert);
      }
      if (spkis.contains(c.spkiSha256)) {
        sameKeys.add(cert);
      }
    }
    Map<String, Finding> renewed = checks.renewedNotDeployed(sameNames);
    Map<String, Finding> reused = checks.keyReuse(sameKeys);
    Set<String> changed = new HashSet<>();
    for (InventoryCertificateEntity c : group) {
      List<Finding> next = new ArrayList<>(c.crossFindings == null ? List.of() : c.crossFindings);
      if (nameKeys.contains(c.nameKey)) {
        replace(next, CrossChecks.RENEWED_NOT_DEPLOYED, renewed.get(c.sha256));
      }
      if (spkis.contains(c.spkiSha256)) {
        replace(next, CrossChecks.KEY_REUSED, reused.get(c.sha256));
      }
      if (!next.equals(c.crossFindings)) {
        c.crossFindings = next;
        changed.add(c.sha256);
      }
    }
    return changed;
  }

  private static void replace(List<Finding> findings, String code, Finding replacement) {
    findings.removeIf(f -> f.code().equals(code));
    if (replacement != null) {
      findings.add(replacement);
    }
  }

  private static InventoryCertificate toDomain(
      InventoryCertificateEntity c, List<InventoryLocationEntity> places) {
    return new InventoryCertificate(
        c.sha256,
        c.spkiSha256,
        c.subject,
        c.subjectAltNames,
        c.notAfter,
        c.certificateAuthority,
        places.stream().map(l -> new Sighting(l.kind, l.targetId, where(l), l.current)).toList());
  }

  /** A place for humans: {@code host:port}, {@code /path#alias}, {@code Secret ns/name}. */
  static String where(InventoryLocationEntity l) {
    return switch (l.kind) {
      case ScanTarget.TLS_ENDPOINT -> l.host + ":" + l.port;
      case ScanTarget.FILE -> l.name == null ? l.path : l.path + "#" + l.name;
      case ScanTarget.KUBERNETES_SECRET -> "Secret " + l.namespace + "/" + l.name;
      case ScanTarget.KUBERNETES_CONFIGMAP -> "ConfigMap " + l.namespace + "/" + l.name;
      default -> l.targetId;
    };
  }
}
