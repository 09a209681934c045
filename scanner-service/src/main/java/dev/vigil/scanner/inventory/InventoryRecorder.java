package dev.vigil.scanner.inventory;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.CertificateSummary;
import dev.vigil.events.Finding;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.scanner.domain.inventory.CertificateNames;
import dev.vigil.scanner.persistence.InventoryCertificateEntity;
import dev.vigil.scanner.persistence.InventoryCertificateRepository;
import dev.vigil.scanner.persistence.InventoryLocationEntity;
import dev.vigil.scanner.persistence.InventoryLocationRepository;
import dev.vigil.scanner.persistence.InventoryLocks;
import dev.vigil.scanner.persistence.InventoryScanEntity;
import dev.vigil.scanner.persistence.InventoryScanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes scans into the inventory and keeps the cross-check findings up to date. */
@ApplicationScoped
public class InventoryRecorder {

  /** A popular intermediate is seen by many scans; its last_seen moves at most this often. */
  private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

  private final InventoryCertificateRepository certificates;
  private final InventoryLocationRepository locations;
  private final InventoryScanRepository scans;
  private final InventoryLocks locks;
  private final CrossCheckRefresher crossChecks;
  private final int historyPerLocation;

  public InventoryRecorder(
      InventoryCertificateRepository certificates,
      InventoryLocationRepository locations,
      InventoryScanRepository scans,
      InventoryLocks locks,
      CrossCheckRefresher crossChecks,
      @ConfigProperty(name = "vigil.scanner.inventory.history-per-location", defaultValue = "200")
          int historyPerLocation) {
    this.certificates = certificates;
    this.locations = locations;
    this.scans = scans;
    this.locks = locks;
    this.crossChecks = crossChecks;
    this.historyPerLocation = historyPerLocation;
  }

  /** Records a scan; returns it with the cross-check findings of its certificates added. */
  @Transactional
  public CertificateScanned record(CertificateScanned scan) {
    if (scan.outcome() != ScanOutcome.COMPLETED || scan.chain().isEmpty()) {
      for (InventoryLocationEntity place : locations.currentAt(scan.targetId())) {
        history(place, scan, codes(scan.findings(), null));
      }
      return scan;
    }
    locks.lock(List.of("target:" + scan.targetId()));
    // First position of each certificate, in fingerprint order (a stable row-update order).
    Map<String, CertificateSummary> served = new TreeMap<>();
    scan.chain().forEach(c -> served.putIfAbsent(c.sha256Fingerprint(), c));
    List<InventoryLocationEntity> gone =
        locations.currentAt(scan.targetId()).stream()
            .filter(l -> !served.containsKey(l.certificateSha256))
            .toList();
    List<InventoryCertificateEntity> goneCertificates = load(gone);
    lockGroups(served.values(), goneCertificates);

    Map<String, InventoryCertificateEntity> seen = new TreeMap<>();
    Map<String, InventoryLocationEntity> places = new TreeMap<>();
    for (CertificateSummary c : served.values()) {
      seen.put(c.sha256Fingerprint(), upsertCertificate(c, scan.scannedAt()));
      places.put(c.sha256Fingerprint(), upsertLocation(c, scan));
    }
    gone.forEach(l -> l.current = false);
    locations.flush();

    List<InventoryCertificateEntity> touched =
        Stream.concat(seen.values().stream(), goneCertificates.stream()).toList();
    Set<String> changed = crossChecks.refresh(touched);
    refreshFindingCodes(touched, changed);

    List<Finding> findings = new ArrayList<>(scan.findings());
    for (CertificateSummary c : scan.chain()) {
      InventoryCertificateEntity cert = seen.get(c.sha256Fingerprint());
      for (Finding f : cert.crossFindings) {
        findings.add(new Finding(f.code(), f.severity(), c.position(), f.message(), f.evidence()));
      }
    }
    places.forEach(
        (sha, place) -> {
          Set<String> codes = new LinkedHashSet<>(place.lastFindings);
          seen.get(sha).crossFindings.forEach(f -> codes.add(f.code()));
          history(place, scan, List.copyOf(codes));
        });
    return scan.withFindings(findings);
  }

  /** A Kubernetes object changed or went away: its other places no longer hold certificates. */
  @Transactional
  public void retireObject(String kind, String namespace, String name, Set<String> keepTargetIds) {
    retire(
        locations.currentOfObject(kind, namespace, name).stream()
            .filter(l -> !keepTargetIds.contains(l.targetId))
            .toList());
  }

  /** Places of {@code kind} that no scan confirmed since {@code since} (a file round's start). */
  @Transactional
  public void retireNotSeenSince(String kind, Instant since) {
    retire(locations.currentNotSeenSince(kind, since));
  }

  /** Marks places as no longer holding their certificate and re-runs their cross-checks. */
  private void retire(List<InventoryLocationEntity> gone) {
    if (gone.isEmpty()) {
      return;
    }
    List<InventoryCertificateEntity> affected = load(gone);
    lockGroups(List.of(), affected);
    gone.forEach(l -> l.current = false);
    locations.flush();
    refreshFindingCodes(affected, crossChecks.refresh(affected));
  }

  private void lockGroups(
      Collection<CertificateSummary> served, List<InventoryCertificateEntity> others) {
    List<String> keys = new ArrayList<>();
    for (CertificateSummary c : served) {
      keys.addAll(
          CrossCheckRefresher.groupKeys(
              c.certificateAuthority(),
              CertificateNames.key(c.subject(), c.subjectAltNames()),
              c.spkiSha256()));
    }
    others.forEach(
        c ->
            keys.addAll(
                CrossCheckRefresher.groupKeys(c.certificateAuthority, c.nameKey, c.spkiSha256)));
    locks.lock(keys);
  }

  private List<InventoryCertificateEntity> load(List<InventoryLocationEntity> places) {
    return places.stream()
        .map(l -> l.certificateSha256)
        .distinct()
        .sorted()
        .map(certificates::findById)
        .toList();
  }

  private InventoryCertificateEntity upsertCertificate(CertificateSummary c, Instant seenAt) {
    certificates.insertIfAbsent(c, CertificateNames.key(c.subject(), c.subjectAltNames()), seenAt);
    InventoryCertificateEntity cert = certificates.findById(c.sha256Fingerprint());
    if (cert.lastSeen.plus(LAST_SEEN_GRANULARITY).isBefore(seenAt)) {
      cert.lastSeen = seenAt;
    }
    if (cert.crossFindings == null) {
      cert.crossFindings = List.of();
    }
    return cert;
  }

  private InventoryLocationEntity upsertLocation(CertificateSummary c, CertificateScanned scan) {
    InventoryLocationEntity place =
        locations.find(c.sha256Fingerprint(), scan.targetId()).orElse(null);
    if (place == null) {
      place = new InventoryLocationEntity();
      place.certificateSha256 = c.sha256Fingerprint();
      place.targetId = scan.targetId();
      place.firstSeen = scan.scannedAt();
    }
    ScanTarget t = scan.target();
    place.kind = t.kind();
    place.host = t.host();
    place.port = t.port();
    place.serverName = t.serverName();
    place.address = t.address();
    place.path = t.path();
    place.namespace = t.namespace();
    place.name = t.name();
    place.chainPosition = c.position();
    place.labels = scan.labels();
    place.current = true;
    place.lastSeen = scan.scannedAt();
    place.lastScanId = scan.scanId();
    place.lastFindings = codes(scan.findings(), c.position());
    if (place.id == null) {
      locations.persist(place);
    }
    return place;
  }

  /** Current codes = latest findings at its current places + its cross-check findings. */
  private void refreshFindingCodes(
      List<InventoryCertificateEntity> touched, Set<String> changedByCrossChecks) {
    Set<String> shas = new HashSet<>(changedByCrossChecks);
    touched.forEach(c -> shas.add(c.sha256));
    for (String sha : new java.util.TreeSet<>(shas)) {
      InventoryCertificateEntity cert = certificates.findById(sha);
      Set<String> codes = new java.util.TreeSet<>(locations.currentFindingCodes(sha));
      cert.crossFindings.forEach(f -> codes.add(f.code()));
      List<String> next = List.copyOf(codes);
      if (!next.equals(cert.findingCodes)) {
        cert.findingCodes = next;
      }
    }
  }

  /**
   * Codes of the findings about chain position {@code position}; findings about the target as a
   * whole (no position) count for the leaf. {@code null} position: every code.
   */
  private static List<String> codes(List<Finding> findings, Integer position) {
    return findings.stream()
        .filter(
            f ->
                position == null
                    || position.equals(f.certificatePosition())
                    || (f.certificatePosition() == null && position == 0))
        .map(Finding::code)
        .distinct()
        .toList();
  }

  private void history(InventoryLocationEntity place, CertificateScanned scan, List<String> codes) {
    InventoryScanEntity row = new InventoryScanEntity();
    row.locationId = place.id;
    row.certificateSha256 = place.certificateSha256;
    row.targetId = place.targetId;
    row.scanId = scan.scanId();
    row.scannedAt = scan.scannedAt();
    row.outcome = scan.outcome().name();
    row.unreachableReason =
        scan.unreachableReason() == null ? null : scan.unreachableReason().name();
    row.findings = codes;
    scans.persist(row);
    scans.prune(place.id, historyPerLocation);
  }
}
