package dev.vigil.bench.scanrate;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ScanOutcome;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.tls.EndpointConnector;
import dev.vigil.scanner.tls.FetchedChain;
import dev.vigil.scanner.tls.HandshakeClient;
import dev.vigil.scanner.tls.HostResolver;
import dev.vigil.scanner.tls.JsseTlsChainFetcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * CPU time per full TLS handshake (no resumption) of each of the scanner's TLS clients, single
 * thread, against the nginx endpoint of the scan-rate benchmark: the fetcher alone (connect and
 * handshake) and the whole scan ({@code EndpointScan}: handshake, decode, verify, findings). Thread
 * CPU of the measuring thread, the JVM's whole CPU (GC, JIT, the deadline timer) and nginx's, per
 * operation. Options: {@code --ops N} (measured per row, 2,000), {@code --warmup N} (operations
 * before each row, 2,000), {@code --rounds N} (every client measured N times, alternating, 2).
 */
public final class HandshakeCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HandshakeCpu() {}

  public static void main(String[] args) throws Exception {
    int ops = 2_000;
    int warmup = 2_000;
    int rounds = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--ops" -> ops = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("vigil-handshake-cpu");
    BenchPki pki = BenchPki.create(dir);
    String loadBefore = Versions.loadAverage();
    try (NginxEndpoint endpoint =
        NginxEndpoint.start(dir, pki, Runtime.getRuntime().availableProcessors())) {
      TargetSpec target =
          new TargetSpec("127.0.0.1", endpoint.port(), BenchPki.SERVER_NAME, Map.of());
      EndpointConnector connector =
          new EndpointConnector(Duration.ofSeconds(5), Duration.ofSeconds(10));
      System.out.printf(
          "| round | client | what | ops | thread CPU µs/op | JVM CPU µs/op | nginx CPU µs/op |"
              + " protocol |%n|---:|---|---|---:|---:|---:|---:|---|%n");
      for (int round = 1; round <= rounds; round++) {
        for (HandshakeClient client : HandshakeClient.values()) {
          JsseTlsChainFetcher fetcher =
              new JsseTlsChainFetcher(
                  AddressPolicy.defaults(), HostResolver.SYSTEM, connector, client);
          FetchedChain check = fetcher.fetch(target);
          if (!check.ok() || check.certificates().size() != 3) {
            throw new IllegalStateException(client + " did not read the chain: " + check.detail());
          }
          BooleanSupplier handshake = () -> fetcher.fetch(target).ok();
          measure(round, client, "handshake", check.protocol(), handshake, warmup, ops, endpoint);
          VigilLoad load = new VigilLoad(pki, endpoint.port(), false, client);
          BooleanSupplier scan =
              () -> {
                CertificateScanned s = load.scanOnce();
                return s.outcome() == ScanOutcome.COMPLETED && s.findings().isEmpty();
              };
          measure(round, client, "whole scan", check.protocol(), scan, warmup, ops, endpoint);
        }
      }
    }
    System.out.printf(
        "%nLoad average (1/5/15 min) %s before, %s after; %s, %d cores, %s.%n",
        loadBefore,
        Versions.loadAverage(),
        Versions.cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        Versions.jdk());
  }

  private static void measure(
      int round,
      HandshakeClient client,
      String what,
      String protocol,
      BooleanSupplier op,
      int warmup,
      int ops,
      NginxEndpoint endpoint) {
    for (int i = 0; i < warmup; i++) {
      op.getAsBoolean();
    }
    long thread0 = THREADS.getCurrentThreadCpuTime();
    double jvm0 = ProcessCpu.self();
    double nginx0 = endpoint.cpuSeconds();
    int failed = 0;
    for (int i = 0; i < ops; i++) {
      if (!op.getAsBoolean()) {
        failed++;
      }
    }
    double thread = (THREADS.getCurrentThreadCpuTime() - thread0) / 1e3 / ops;
    double jvm = (ProcessCpu.self() - jvm0) * 1e6 / ops;
    double nginx = (endpoint.cpuSeconds() - nginx0) * 1e6 / ops;
    if (failed > 0) {
      throw new IllegalStateException(failed + " of " + ops + " operations failed");
    }
    System.out.printf(
        "| %d | %s | %s | %,d | %,.0f | %,.0f | %,.0f | %s |%n",
        round, client, what, ops, thread, jvm, nginx, protocol);
  }
}
