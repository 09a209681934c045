package dev.vigil.scanner.source;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.Finding;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.domain.ChainAnalysis;
import dev.vigil.scanner.domain.ChainAnalyzer;
import dev.vigil.scanner.inventory.InventoryService;
import dev.vigil.scanner.messaging.ScanPublisher;
import dev.vigil.scanner.tls.revocation.RevocationChecker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One scan of a file or Kubernetes chain: analyse it like a served chain, record it in the
 * inventory, publish it as {@code CertificateScanned}.
 */
@ApplicationScoped
public class SourceScanService {

  private static final Logger LOG = Logger.getLogger(SourceScanService.class);

  private final ChainAnalyzer analyzer;
  private final InventoryService inventory;
  private final ScanPublisher publisher;
  private final MeterRegistry meters;
  private final Clock clock;
  private final RevocationChecker revocation;

  public SourceScanService(
      ChainAnalyzer analyzer,
      RevocationChecker revocation,
      InventoryService inventory,
      ScanPublisher publisher,
      MeterRegistry meters,
      Clock clock) {
    this.analyzer = analyzer;
    this.revocation = revocation;
    this.inventory = inventory;
    this.publisher = publisher;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Publishes a chain read from a file or object. Revocation is checked as for served chains (OCSP
   * and CRLs from the certificates themselves; no stapled answer), through the same address policy
   * and caches.
   */
  public CertificateScanned completed(SourceTarget target, SourceChains.Chain chain) {
    ChainAnalysis analysis = analyzer.analyze(chain.certificates());
    List<Finding> findings = new ArrayList<>(analysis.findings());
    findings.addAll(revocation.findings(chain.encoded(), chain.certificates(), null));
    return publish(
        new CertificateScanned(
            UUID.randomUUID().toString(),
            target.targetId(),
            target.target(),
            target.labels(),
            Instant.now(clock),
            ScanOutcome.COMPLETED,
            null,
            null,
            null,
            analysis.chain(),
            analysis.earliestNotAfter(),
            analysis.daysLeft(),
            findings));
  }

  /** {@code detail} is published: it must never contain a secret. */
  public CertificateScanned failed(SourceTarget target, UnreachableReason reason, String detail) {
    return publish(
        new CertificateScanned(
            UUID.randomUUID().toString(),
            target.targetId(),
            target.target(),
            target.labels(),
            Instant.now(clock),
            ScanOutcome.UNREACHABLE,
            reason,
            detail,
            null,
            List.of(),
            null,
            null,
            List.of()));
  }

  private CertificateScanned publish(CertificateScanned scan) {
    CertificateScanned recorded = inventory.record(scan);
    meters
        .counter(
            "vigil_source_scans_total",
            "kind",
            scan.target().kind(),
            "outcome",
            scan.outcome().name(),
            "reason",
            scan.unreachableReason() == null ? "none" : scan.unreachableReason().name())
        .increment();
    try {
      publisher.publish(recorded);
    } catch (RuntimeException e) {
      // Not fatal: the next round reads the source again.
      LOG.warnf("could not publish scan of %s: %s", scan.targetId(), e.toString());
    }
    return recorded;
  }
}
