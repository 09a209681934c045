package dev.vigil.scanner.service;

import dev.vigil.events.CertificateScanned;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.inventory.InventoryService;
import dev.vigil.scanner.messaging.ScanPublisher;
import dev.vigil.scanner.service.TargetService.ScanJob;
import dev.vigil.scanner.tls.CertificateDecoder;
import dev.vigil.scanner.tls.ChainInspector;
import dev.vigil.scanner.tls.ProtocolVersionProbe;
import dev.vigil.scanner.tls.TlsChainFetcher;
import dev.vigil.scanner.tls.revocation.RevocationChecker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One scan: fetch the chain (from each address of the target), read it, analyse it, publish the
 * result, remember it.
 */
@ApplicationScoped
public class ScanService {

  private static final Logger LOG = Logger.getLogger(ScanService.class);

  private final EndpointScan endpoints;
  private final ScanPublisher publisher;
  private final TargetService targets;
  private final MeterRegistry meters;
  private final InventoryService inventory;
  private final OwnedTargets owned;

  public ScanService(
      TlsChainFetcher fetcher,
      CertificateDecoder decoder,
      ChainInspector analyzer,
      ScanPublisher publisher,
      TargetService targets,
      MeterRegistry meters,
      Clock clock,
      InventoryService inventory,
      ProtocolVersionProbe versions,
      ScannerConfig config,
      RevocationChecker revocation,
      OwnedTargets owned) {
    this.endpoints =
        new EndpointScan(
            fetcher,
            decoder,
            analyzer,
            versions,
            config.probeProtocolVersions(),
            revocation::findings,
            clock);
    this.publisher = publisher;
    this.targets = targets;
    this.meters = meters;
    this.inventory = inventory;
    this.owned = owned;
  }

  /** Scans every address of the target that is to be scanned: one event per address. */
  public List<CertificateScanned> scan(ScanJob job) {
    List<CertificateScanned> scans = new ArrayList<>();
    for (CertificateScanned scanned : endpoints.scan(job)) {
      scans.add(scanOne(job, scanned));
    }
    return scans;
  }

  private CertificateScanned scanOne(ScanJob job, CertificateScanned scanned) {
    // The inventory adds what only it can see (renewed but not deployed, key reused).
    CertificateScanned scan = inventory.record(scanned);
    meters
        .counter(
            "vigil_scans_total",
            "outcome",
            scan.outcome().name(),
            "reason",
            scan.unreachableReason() == null ? "none" : scan.unreachableReason().name())
        .increment();
    try {
      // A target deleted while it was being scanned has been (or is being) retired: a scan
      // published now could reopen the alerts its ScanTargetRetired resolves.
      if (owned.spec(job.targetId()) == null) {
        LOG.debugf("target %s removed during its scan; scan not published", job.targetId());
        return scan;
      }
      publisher.publish(scan);
    } catch (RuntimeException e) {
      // Not fatal: the next interval scans again. Recorded so the API shows what happened.
      LOG.warnf("could not publish scan of target %s: %s", job.targetId(), e.toString());
    }
    targets.recordResult(scan);
    return scan;
  }
}
