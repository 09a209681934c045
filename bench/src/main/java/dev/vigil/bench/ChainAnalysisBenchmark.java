package dev.vigil.bench;

import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.ChainAnalysis;
import dev.vigil.scanner.domain.ChainAnalyzer;
import dev.vigil.scanner.domain.ExpiryThresholds;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.tls.BouncyCastleCertificateDecoder;
import dev.vigil.scanner.tls.ChainInspector;
import dev.vigil.scanner.tls.ChainVerifier;
import dev.vigil.scanner.tls.ParsedCertificates;
import dev.vigil.scanner.tls.SignatureChecks;
import dev.vigil.scanner.tls.TrustAnchors;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole analysis of one served chain, as a scan runs it after the handshake: decode three
 * certificates (RSA-2048 leaf, RSA-2048 intermediate, RSA-4096 root, like a typical public chain),
 * verify signatures and the path to a trust anchor among the JDK's ~150 system roots plus a bundle,
 * and derive the findings. No network: AIA fetching is off (the chain is complete anyway).
 *
 * <p>{@code repeatScan}: the scanner's usual situation, rescanning a target whose chain it has seen
 * before, so the parse and signature caches answer. {@code firstSight}: both caches off, every
 * certificate is parsed and every signature checked, as for a chain never seen before; only the
 * trust anchors' own signatures are known (checked once at startup, as the service does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ChainAnalysisBenchmark {

  private static final int NEW_LEAVES = 2_000;
  private static final int SMALL_CACHE = 256;

  private List<byte[]> chain;
  private TargetSpec target;
  private ChainInspector cached;
  private ChainInspector uncached;
  private ChainInspector small;
  private List<List<byte[]>> newLeafChains;
  private int next;

  @Setup
  public void setUp() {
    Instant now = Instant.now();
    TestCertificate root =
        TestPki.certificate("Bench Root")
            .ca()
            .rsa(4096)
            .validity(now.minus(Duration.ofDays(3000)), now.plus(Duration.ofDays(3000)))
            .selfSigned();
    TestCertificate intermediate =
        TestPki.certificate("Bench Intermediate")
            .ca()
            .rsa(2048)
            .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(800)))
            .caIssuersUrl("http://127.0.0.1:9/root.der")
            .issuedBy(root);
    TestCertificate leaf =
        TestPki.certificate("api.bench.example")
            .rsa(2048)
            .dns("api.bench.example", "www.bench.example")
            .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(80)))
            .caIssuersUrl("http://127.0.0.1:9/intermediate.der")
            .issuedBy(intermediate);
    chain = List.of(leaf.der(), intermediate.der(), root.der());
    newLeafChains = new ArrayList<>();
    KeyPair leafKeys = leaf.keys();
    for (int i = 0; i < NEW_LEAVES; i++) {
      TestCertificate fresh =
          TestPki.certificate("api.bench.example")
              .keys(leafKeys)
              .dns("api.bench.example", "www.bench.example")
              .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(80 + i % 7)))
              .caIssuersUrl("http://127.0.0.1:9/intermediate.der")
              .issuedBy(intermediate);
      newLeafChains.add(List.of(fresh.der(), intermediate.der(), root.der()));
    }
    target = new TargetSpec("api.bench.example", 443, null, Map.of("env", "prod"));
    TrustAnchors anchors =
        TrustAnchors.of(
            TrustAnchors.systemRoots(), Map.of("bench-bundle.pem", List.of(root.certificate())));
    SignatureChecks shared = new SignatureChecks();
    SignatureChecks none = new SignatureChecks(0);
    anchors.precheck(shared).precheck(none);
    cached = inspector(anchors, shared, new ParsedCertificates());
    SignatureChecks smallSignatures = new SignatureChecks(SMALL_CACHE);
    anchors.precheck(smallSignatures);
    small = inspector(anchors, smallSignatures, new ParsedCertificates(SMALL_CACHE));
    uncached = inspector(anchors, none, new ParsedCertificates(0));
    ChainAnalysis check = cached.inspect(target, chain);
    if (!check.findings().isEmpty()) {
      throw new IllegalStateException("the benchmark chain should be healthy: " + check.findings());
    }
  }

  private static ChainInspector inspector(
      TrustAnchors anchors, SignatureChecks signatures, ParsedCertificates parsed) {
    return new ChainInspector(
        new BouncyCastleCertificateDecoder(signatures, parsed),
        new ChainVerifier(anchors, null, false, signatures, parsed),
        new ChainAnalyzer(Clock.systemUTC(), ExpiryThresholds.DEFAULT));
  }

  @Benchmark
  public ChainAnalysis repeatScan() {
    return cached.inspect(target, chain);
  }

  /**
   * The common first sight: a leaf never seen before (renewed, or a new target) under an
   * intermediate the scanner already knows. The leaves cycle through {@value #NEW_LEAVES} distinct
   * certificates while the caches hold only {@value #SMALL_CACHE} entries, so every leaf is parsed
   * and its signature checked; the intermediate falls out with each clearing of the caches and is
   * parsed and checked again then (a small share, counted).
   */
  @Benchmark
  public ChainAnalysis newLeaf() {
    List<byte[]> served = newLeafChains.get(next);
    next = (next + 1) % newLeafChains.size();
    return small.inspect(target, served);
  }

  @Benchmark
  public ChainAnalysis firstSight() {
    return uncached.inspect(target, chain);
  }
}
