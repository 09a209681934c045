package dev.vigil.scanner.service;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.Finding;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.ChainAnalysis;
import dev.vigil.scanner.domain.ProtocolFindings;
import dev.vigil.scanner.service.TargetService.ScanJob;
import dev.vigil.scanner.tls.CertificateDecoder;
import dev.vigil.scanner.tls.CertificateDecoder.CertificateDecodingException;
import dev.vigil.scanner.tls.ChainInspector;
import dev.vigil.scanner.tls.FetchedChain;
import dev.vigil.scanner.tls.ProtocolVersionProbe;
import dev.vigil.scanner.tls.TlsChainFetcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The network and analysis part of one scan, with no framework in it: fetch the chain from each
 * address of the target, decode and analyse it, and describe the result as a {@link
 * CertificateScanned}. {@link ScanService} adds the inventory, publishing and storage around it;
 * the scan-rate benchmark ({@code bench/}) runs this same class.
 */
public final class EndpointScan {

  private final TlsChainFetcher fetcher;
  private final CertificateDecoder decoder;
  private final ChainInspector analyzer;
  private final ProtocolVersionProbe versions;
  private final boolean probeVersions;
  private final RevocationStep revocation;
  private final Clock clock;

  /** Asks whether the served certificates are revoked (OCSP, stapled OCSP, CRL). */
  @FunctionalInterface
  public interface RevocationStep {

    /** No revocation checking, e.g. in benchmarks of the handshake path. */
    RevocationStep NONE = (served, facts, stapled) -> List.of();

    List<Finding> findings(List<byte[]> served, List<CertificateFacts> facts, byte[] stapledOcsp);
  }

  public EndpointScan(
      TlsChainFetcher fetcher,
      CertificateDecoder decoder,
      ChainInspector analyzer,
      ProtocolVersionProbe versions,
      boolean probeVersions,
      RevocationStep revocation,
      Clock clock) {
    this.fetcher = fetcher;
    this.decoder = decoder;
    this.analyzer = analyzer;
    this.versions = versions;
    this.probeVersions = probeVersions;
    this.revocation = revocation;
    this.clock = clock;
  }

  /** One event per scanned address of the target. */
  public List<CertificateScanned> scan(ScanJob job) {
    List<CertificateScanned> scans = new ArrayList<>();
    for (FetchedChain fetched : fetcher.fetchEach(job.spec())) {
      scans.add(toEvent(job, fetched));
    }
    return scans;
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
