package dev.vigil.scanner.inventory;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.domain.inventory.CertificateQuery;
import dev.vigil.scanner.persistence.InventoryCertificateEntity;
import dev.vigil.scanner.persistence.InventoryCertificateRepository;
import dev.vigil.scanner.persistence.InventoryLocationEntity;
import dev.vigil.scanner.persistence.InventoryLocationRepository;
import dev.vigil.scanner.persistence.InventoryScanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the certificate inventory for the REST API. */
@ApplicationScoped
public class CertificateCatalog {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final int HISTORY = 100;

  private final InventoryCertificateRepository certificates;
  private final InventoryLocationRepository locations;
  private final InventoryScanRepository scans;
  private final Clock clock;

  public CertificateCatalog(
      InventoryCertificateRepository certificates,
      InventoryLocationRepository locations,
      InventoryScanRepository scans,
      Clock clock) {
    this.certificates = certificates;
    this.locations = locations;
    this.scans = scans;
    this.clock = clock;
  }

  @Transactional
  public CertificatePage search(CertificateQuery query) {
    Instant now = clock.instant();
    List<InventoryCertificateEntity> page = certificates.search(query, now);
    Map<String, Counts> counts = new HashMap<>();
    for (Object[] row : locations.countsByKind(page.stream().map(c -> c.sha256).toList())) {
      counts
          .computeIfAbsent((String) row[0], k -> new Counts())
          .add((String) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).intValue());
    }
    List<CertificateView> items =
        page.stream().map(c -> view(c, now, counts.getOrDefault(c.sha256, new Counts()))).toList();
    return new CertificatePage(items, query.page(), query.size(), certificates.count(query, now));
  }

  @Transactional
  public CertificateDetail get(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw ProblemException.invalidField("sha256", "must be 64 hexadecimal characters");
    }
    String id = sha256.toLowerCase(java.util.Locale.ROOT);
    InventoryCertificateEntity cert =
        certificates
            .findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("certificate", id));
    List<InventoryLocationEntity> places = locations.ofCertificate(id);
    Counts counts = new Counts();
    places.forEach(l -> counts.add(l.kind, 1, l.current ? 1 : 0));
    return new CertificateDetail(
        view(cert, clock.instant(), counts),
        cert.crossFindings,
        places.stream().map(CertificateDetail.Location::of).toList(),
        scans.latestOf(id, HISTORY).stream().map(CertificateDetail.ScanRecord::of).toList());
  }

  private static CertificateView view(InventoryCertificateEntity c, Instant now, Counts counts) {
    return CertificateView.of(c, now, counts.current > 0, List.copyOf(counts.kinds), counts.total);
  }

  /** Places of one certificate, summed over kinds. */
  private static final class Counts {
    private final TreeSet<String> kinds = new TreeSet<>();
    private int total;
    private int current;

    void add(String kind, int places, int currentPlaces) {
      kinds.add(kind);
      total += places;
      current += currentPlaces;
    }
  }
}
