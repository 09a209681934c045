package dev.vigil.scanner.service;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.ChainAnalysis;
import dev.vigil.scanner.messaging.ScanPublisher;
import dev.vigil.scanner.service.TargetService.ScanJob;
import dev.vigil.scanner.tls.CertificateDecoder;
import dev.vigil.scanner.tls.CertificateDecoder.CertificateDecodingException;
import dev.vigil.scanner.tls.ChainInspector;
import dev.vigil.scanner.tls.FetchedChain;
import dev.vigil.scanner.tls.TlsChainFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** One scan: fetch the chain, read it, analyse it, publish the result, remember it. */
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

  public ScanService(
      TlsChainFetcher fetcher,
      CertificateDecoder decoder,
      ChainInspector analyzer,
      ScanPublisher publisher,
      TargetService targets,
      MeterRegistry meters,
      Clock clock) {
    this.fetcher = fetcher;
    this.decoder = decoder;
    this.analyzer = analyzer;
    this.publisher = publisher;
    this.targets = targets;
    this.meters = meters;
    this.clock = clock;
  }

  public CertificateScanned scan(ScanJob job) {
    FetchedChain fetched = fetcher.fetch(job.spec());
    CertificateScanned scan = toEvent(job, fetched);
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
        analysis.findings());
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
