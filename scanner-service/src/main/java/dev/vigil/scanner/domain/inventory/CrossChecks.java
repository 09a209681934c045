package dev.vigil.scanner.domain.inventory;

import dev.vigil.events.Finding;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.Severity;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Findings that only a view across every source can make. Each check takes a group of inventory
 * certificates and returns at most one finding per certificate, keyed by SHA-256 fingerprint. CA
 * certificates are left out: CAs legitimately keep their key across renewals and cross-signs, and
 * two intermediates with one subject are not "the same certificate renewed".
 */
public final class CrossChecks {

  /** A file or Secret holds a newer certificate for the names an endpoint still serves. */
  public static final String RENEWED_NOT_DEPLOYED = "RENEWED_NOT_DEPLOYED";

  /** The same public key is in several (end-entity) certificates. */
  public static final String KEY_REUSED = "KEY_REUSED";

  /** Sources that hold certificates waiting to be served. */
  static final Set<String> STORES = Set.of(ScanTarget.FILE, ScanTarget.KUBERNETES_SECRET);

  private static final Set<String> ENDPOINTS = Set.of(ScanTarget.TLS_ENDPOINT);
  private static final int MAX_LISTED = 10;

  private final Clock clock;

  public CrossChecks(Clock clock) {
    this.clock = clock;
  }

  /**
   * For every end-entity certificate an endpoint currently serves: is there a certificate for the
   * same names, currently in a file or Secret, that is still valid and expires later? The newest
   * such certificate is named in the evidence.
   */
  public Map<String, Finding> renewedNotDeployed(Collection<InventoryCertificate> group) {
    Instant now = clock.instant();
    Map<String, List<InventoryCertificate>> byNames =
        group.stream()
            .filter(c -> !c.certificateAuthority())
            .collect(Collectors.groupingBy(InventoryCertificate::nameKey));
    Map<String, Finding> findings = new HashMap<>();
    for (List<InventoryCertificate> sameNames : byNames.values()) {
      for (InventoryCertificate served : sameNames) {
        if (!served.currentlyAt(ENDPOINTS)) {
          continue;
        }
        newerInStore(served, sameNames, now)
            .ifPresent(newer -> findings.put(served.sha256(), renewedFinding(served, newer)));
      }
    }
    return findings;
  }

  /**
   * For every end-entity certificate whose public key is also in another end-entity certificate.
   * Same names: a renewal that kept the key (INFO). Other names: one key guards several identities
   * (WARNING), so one leak compromises them all.
   */
  public Map<String, Finding> keyReuse(Collection<InventoryCertificate> group) {
    Map<String, List<InventoryCertificate>> byKey =
        group.stream()
            .filter(c -> !c.certificateAuthority())
            .collect(Collectors.groupingBy(InventoryCertificate::spkiSha256));
    Map<String, Finding> findings = new HashMap<>();
    for (List<InventoryCertificate> sameKey : byKey.values()) {
      for (InventoryCertificate cert : sameKey) {
        List<InventoryCertificate> others =
            sameKey.stream()
                .filter(o -> !o.sha256().equals(cert.sha256()))
                .sorted(Comparator.comparing(InventoryCertificate::sha256))
                .toList();
        if (!others.isEmpty()) {
          findings.put(cert.sha256(), keyReusedFinding(cert, others));
        }
      }
    }
    return findings;
  }

  private static Optional<InventoryCertificate> newerInStore(
      InventoryCertificate served, List<InventoryCertificate> sameNames, Instant now) {
    return sameNames.stream()
        .filter(c -> !c.sha256().equals(served.sha256()))
        .filter(c -> c.currentlyAt(STORES))
        .filter(c -> c.notAfter().isAfter(served.notAfter()) && c.notAfter().isAfter(now))
        .max(
            Comparator.comparing(InventoryCertificate::notAfter)
                .thenComparing(InventoryCertificate::sha256));
  }

  private static Finding renewedFinding(InventoryCertificate served, InventoryCertificate newer) {
    String storedAt = where(newer, STORES);
    String servedAt = where(served, ENDPOINTS);
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("servedNotAfter", served.notAfter().toString());
    evidence.put("servedAt", servedAt);
    evidence.put("newerSha256", newer.sha256());
    evidence.put("newerNotAfter", newer.notAfter().toString());
    evidence.put("newerLocation", storedAt);
    return new Finding(
        RENEWED_NOT_DEPLOYED,
        Severity.WARNING,
        null,
        "A renewed certificate for the same names (valid until "
            + newer.notAfter()
            + ") is in "
            + storedAt
            + ", but "
            + servedAt
            + " still serves this one (valid until "
            + served.notAfter()
            + ")",
        evidence);
  }

  private static Finding keyReusedFinding(
      InventoryCertificate cert, List<InventoryCertificate> others) {
    boolean sameNames = others.stream().allMatch(o -> o.nameKey().equals(cert.nameKey()));
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("spkiSha256", cert.spkiSha256());
    evidence.put("otherCount", Integer.toString(others.size()));
    evidence.put(
        "otherCertificates",
        others.stream()
            .limit(MAX_LISTED)
            .map(InventoryCertificate::sha256)
            .collect(Collectors.joining(",")));
    evidence.put("sameNames", Boolean.toString(sameNames));
    String count =
        others.size() == 1 ? "1 other certificate" : others.size() + " other certificates";
    return new Finding(
        KEY_REUSED,
        sameNames ? Severity.INFO : Severity.WARNING,
        null,
        sameNames
            ? "The public key is reused by "
                + count
                + " for the same names: it was renewed without a new key"
            : "The public key is shared with " + count + " for other names",
        evidence);
  }

  /** The current places of one kind, sorted, for evidence ("a, b (+3 more)"). */
  private static String where(InventoryCertificate cert, Set<String> kinds) {
    List<String> places =
        cert.sightings().stream()
            .filter(s -> s.current() && kinds.contains(s.kind()))
            .map(Sighting::where)
            .distinct()
            .sorted()
            .toList();
    String shown = String.join(", ", places.subList(0, Math.min(places.size(), 3)));
    return places.size() > 3 ? shown + " (+" + (places.size() - 3) + " more)" : shown;
  }
}
