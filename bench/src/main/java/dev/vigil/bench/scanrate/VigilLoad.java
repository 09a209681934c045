package dev.vigil.bench.scanrate;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ScanOutcome;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.ChainAnalyzer;
import dev.vigil.scanner.domain.ExpiryPolicy;
import dev.vigil.scanner.domain.ExpiryRule;
import dev.vigil.scanner.domain.ExpiryThresholds;
import dev.vigil.scanner.domain.ScanSchedule;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.service.EndpointScan;
import dev.vigil.scanner.service.OwnedTargets;
import dev.vigil.scanner.service.ScanWorkers;
import dev.vigil.scanner.service.TargetService.ScanJob;
import dev.vigil.scanner.tls.BouncyCastleCertificateDecoder;
import dev.vigil.scanner.tls.ChainInspector;
import dev.vigil.scanner.tls.ChainVerifier;
import dev.vigil.scanner.tls.EndpointConnector;
import dev.vigil.scanner.tls.HandshakeClient;
import dev.vigil.scanner.tls.HostResolver;
import dev.vigil.scanner.tls.JsseTlsChainFetcher;
import dev.vigil.scanner.tls.ParsedCertificates;
import dev.vigil.scanner.tls.ProtocolVersionProbe;
import dev.vigil.scanner.tls.SignatureChecks;
import dev.vigil.scanner.tls.TrustAnchors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vigil's scan path as the service runs it, minus Kafka and PostgreSQL: targets in {@link
 * OwnedTargets}, a bounded pool of {@link ScanWorkers} (dispatched every second, and each worker
 * taking the next due target itself), and per scan {@link EndpointScan}: connect, full TLS
 * handshake, decode, verify the chain against the JDK's roots plus the benchmark root, derive every
 * finding. AIA fetching is off (the chain is complete).
 */
final class VigilLoad {

  private final EndpointScan scan;
  private final int port;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile String lastFailure;
  private OwnedTargets owned;
  private ScanWorkers workers;
  private ScheduledExecutorService ticker;
  private final List<String> ids = new ArrayList<>();

  VigilLoad(BenchPki pki, int port, boolean probeVersions, HandshakeClient client) {
    this.port = port;
    Clock clock = Clock.systemUTC();
    SignatureChecks signatures = new SignatureChecks();
    ParsedCertificates parsed = new ParsedCertificates();
    TrustAnchors anchors =
        TrustAnchors.of(TrustAnchors.systemRoots(), Map.of("bench-root.pem", List.of(pki.root())))
            .precheck(signatures);
    ExpiryPolicy expiry =
        ExpiryPolicy.labelRules(
            List.of(new ExpiryRule(Map.of("env", "prod"), new ExpiryThresholds(45, 21, 67))),
            ExpiryThresholds.DEFAULT);
    BouncyCastleCertificateDecoder decoder = new BouncyCastleCertificateDecoder(signatures, parsed);
    ChainInspector inspector =
        new ChainInspector(
            decoder,
            new ChainVerifier(anchors, null, false, signatures, parsed),
            new ChainAnalyzer(clock, expiry));
    EndpointConnector connector =
        new EndpointConnector(Duration.ofSeconds(5), Duration.ofSeconds(10));
    this.scan =
        new EndpointScan(
            new JsseTlsChainFetcher(
                AddressPolicy.defaults(), HostResolver.SYSTEM, connector, client),
            decoder,
            inspector,
            new ProtocolVersionProbe(connector, client),
            probeVersions,
            // The benchmark's chain has no OCSP or CRL URL: nothing to check, as in production.
            EndpointScan.RevocationStep.NONE,
            clock);
  }

  /** One scan, to check that the pipeline works and the chain is healthy before measuring. */
  CertificateScanned scanOnce() {
    return scan.scan(new ScanJob("check", spec())).get(0);
  }

  void start(int concurrency) {
    owned =
        new OwnedTargets(
            new ScanSchedule(0.1, 8, () -> ThreadLocalRandom.current().nextDouble()),
            Clock.systemUTC());
    // Four targets per worker, each due again 1 ms after its scan: always work to take.
    for (int i = 0; i < concurrency * 4; i++) {
      String id = "bench-" + i;
      ids.add(id);
      owned.upsert(id, spec(), Duration.ofMillis(1), 0);
    }
    workers =
        new ScanWorkers(
            owned,
            job -> {
              boolean ok = false;
              for (CertificateScanned s : scan.scan(job)) {
                ok = s.outcome() == ScanOutcome.COMPLETED && s.findings().isEmpty();
                if (!ok) {
                  lastFailure =
                      s.outcome()
                          + " "
                          + s.unreachableReason()
                          + " "
                          + s.detail()
                          + " "
                          + s.findings();
                }
              }
              (ok ? completed : failed).incrementAndGet();
              return ok;
            },
            concurrency,
            (job, e) -> {
              failed.incrementAndGet();
              lastFailure = e.toString();
            });
    ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(workers::dispatchDue, 0, 1, TimeUnit.SECONDS);
  }

  long completed() {
    return completed.get();
  }

  long failed() {
    return failed.get();
  }

  String lastFailure() {
    return lastFailure;
  }

  void stop() throws InterruptedException {
    ticker.shutdownNow();
    ids.forEach(owned::remove);
    ids.clear();
    workers.shutdown(Duration.ofSeconds(15));
  }

  private TargetSpec spec() {
    return new TargetSpec("127.0.0.1", port, BenchPki.SERVER_NAME, Map.of("env", "prod"));
  }
}
