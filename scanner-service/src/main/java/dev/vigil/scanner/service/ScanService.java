package dev.vigil.scanner.service;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.Finding;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.ChainAnalysis;
import dev.vigil.scanner.domain.ProtocolFindings;
import dev.vigil.scanner.inventory.InventoryService;
import dev.vigil.scanner.messaging.ScanPublisher;
import dev.vigil.scanner.service.TargetService.ScanJob;
import dev.vigil.scanner.tls.CertificateDecoder;
import dev.vigil.scanner.tls.CertificateDecoder.CertificateDecodingException;
import dev.vigil.scanner.tls.ChainInspector;
import dev.vigil.scanner.tls.FetchedChain;
import dev.vigil.scanner.tls.ProtocolVersionProbe;
import dev.vigil.scanner.tls.TlsChainFetcher;
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
 * One scan: fetch the chain (from each address of the target), read it, analyse it, publish the
 * result, remember it.
 */
@ApplicationScoped
public class ScanService {

  private static final Logger LOG = Logger.getLogger(ScanService.class);

  private final TlsChainFetcher fetcher;
  private final CertificateDecoder decoder;
  private final ChainInspector analyzer;
  private final ScanPublisher publisher;
  private final TargetService targets;
  private final MeterRegistry meters;
  private final Clock clock;
  private final InventoryService inventory;
  private final ProtocolVersionProbe versions;
  private final boolean probeVersions;
  private final RevocationChecker revocation;

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
      RevocationChecker revocation) {
    this.fetcher = fetcher;
    this.decoder = decoder;
    this.analyzer = analyzer;
    this.publisher = publisher;
    this.targets = targets;
    this.meters = meters;
    this.clock = clock;
    this.inventory = inventory;
    this.versions = versions;
    this.probeVersions = config.probeProtocolVersions();
    this.revocation = revocation;
  }

  /** Scans every address of the target that is to be scanned: one event per address. */
  public List<CertificateScanned> scan(ScanJob job) {
    List<CertificateScanned> scans = new ArrayList<>();
    for (FetchedChain fetched : fetcher.fetchEach(job.spec())) {
      scans.add(scanOne(job, fetched));
    }
    return scans;
  }

  private CertificateScanned scanOne(ScanJob job, FetchedChain fetched) {
    // The inventory adds what only it can see (renewed but not deployed, key reused).
    CertificateScanned scan = inventory.record(toEvent(job, fetched));
    meters
        .counter(
            "vigil_scans_total",
            "outcome",
            scan.outcome().name(),
            "reason",
            scan.unreachableReason() == null ? "none" : scan.unreachableReason().name())
        .increment();
    try {
      publisher.publish(scan);
    } catch (RuntimeException e) {
      // Not fatal: the next interval scans again. Recorded so the API shows what happened.
      LOG.warnf("could not publish scan of target %s: %s", job.targetId(), e.toString());
    }
    targets.recordResult(scan);
    return scan;
  }

  private CertificateScanned toEvent(ScanJob job, FetchedChain fetched) {
    ScanTarget target =
        ScanTarget.tlsEndpoint(
            job.spec().host(), job.spec().port(), job.spec().serverName(), fetched.address());
    String scanId = UUID.randomUUID().toString();
    if (!fetched.ok()) {
      return unreachable(scanId, job, target, fetched.failure(), fetched.detail());
    }
    List<CertificateFacts> facts = new ArrayList<>();
    try {
      for (byte[] der : fetched.certificates()) {
        facts.add(decoder.decode(der));
      }
    } catch (CertificateDecodingException e) {
      return unreachable(scanId, job, target, UnreachableReason.HANDSHAKE_FAILURE, e.getMessage());
    }
    if (facts.isEmpty()) {
      return unreachable(
          scanId, job, target, UnreachableReason.HANDSHAKE_FAILURE, "no certificate served");
    }
    ChainAnalysis analysis = analyzer.inspect(job.spec(), fetched.certificates(), facts);
    List<Finding> findings = new ArrayList<>(analysis.findings());
    ProtocolFindings.chainTooLong(fetched.servedCount(), fetched.certificates().size())
        .ifPresent(findings::add);
    findings.addAll(revocation.findings(fetched.certificates(), facts, fetched.stapledOcsp()));
    List<String> accepted = null;
    if (probeVersions) {
      accepted = versions.acceptedProtocols(job.spec(), fetched);
      ProtocolFindings.outdatedProtocol(accepted).ifPresent(findings::add);
    }
    return new CertificateScanned(
        scanId,
        job.targetId(),
        target,
        job.spec().labels(),
        Instant.now(clock),
        ScanOutcome.COMPLETED,
        null,
        null,
        fetched.protocol(),
        analysis.chain(),
        analysis.earliestNotAfter(),
        analysis.daysLeft(),
        findings,
        accepted);
  }

  private CertificateScanned unreachable(
      String scanId, ScanJob job, ScanTarget target, UnreachableReason reason, String detail) {
    return new CertificateScanned(
        scanId,
        job.targetId(),
        target,
        job.spec().labels(),
        Instant.now(clock),
        ScanOutcome.UNREACHABLE,
        reason,
        detail,
        null,
        List.of(),
        null,
        null,
        List.of());
  }
}
