package dev.vigil.bench.scanrate;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ScanOutcome;
import dev.vigil.scanner.tls.HandshakeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The scan-rate benchmark: one nginx endpoint; the ceiling; then at each concurrency Vigil and
 * blackbox_exporter in turn; the ceiling again. Options: {@code --seconds N} (measured window, 15),
 * {@code --warmup N} (10 for the first Vigil run, then 3; and at least 5,000 operations per row up
 * to 90 s), {@code --concurrency 1,16,64}, {@code --probe-versions} (also learn accepted TLS
 * versions on every scan), {@code --tls-client bouncycastle|jdk} (Vigil's first handshake, as
 * {@code vigil.scanner.tls-client}; BouncyCastle by default), {@code --results bench/RESULTS.md}
 * (replace the scan-rate section of that file).
 */
public final class ScanRateRun {

  /** Operations a client completes before its window starts (JIT warm-up), at most MAX_WARMUP. */
  private static final long WARMUP_OPERATIONS = 5_000;

  private static final Duration MAX_WARMUP = Duration.ofSeconds(90);

  private ScanRateRun() {}

  public static void main(String[] args) throws Exception {
    int seconds = 15;
    int warmup = 3;
    int firstWarmup = 10;
    int[] levels = {1, 16, 64};
    boolean probeVersions = false;
    HandshakeClient client = HandshakeClient.BOUNCYCASTLE;
    Path results = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--concurrency" ->
            levels = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--probe-versions" -> probeVersions = true;
        case "--tls-client" ->
            client = HandshakeClient.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
        case "--results" -> results = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    String loadBefore = Versions.loadAverage();
    Path dir = Files.createTempDirectory("vigil-scan-rate");
    BenchPki pki = BenchPki.create(dir);
    List<Measurement> rows = new ArrayList<>();
    List<Measurement> ceilings = new ArrayList<>();
    try (NginxEndpoint endpoint = NginxEndpoint.start(dir, pki, cores);
        Blackbox blackbox = Blackbox.start(dir, pki)) {
      log(
          "endpoint: nginx on 127.0.0.1:%d, %d workers; load average %s; Vigil's TLS client: %s",
          endpoint.port(), cores, loadBefore, client);
      VigilLoad vigil = new VigilLoad(pki, endpoint.port(), probeVersions, client);
      CertificateScanned check = vigil.scanOnce();
      if (check.outcome() != ScanOutcome.COMPLETED || !check.findings().isEmpty()) {
        throw new IllegalStateException("the benchmark chain should scan clean: " + check);
      }
      log("check scan: %s, %d certificates, no findings", check.protocol(), check.chain().size());
      ceilings.add(ceiling(endpoint, cores, seconds));
      boolean first = true;
      for (int c : levels) {
        rows.add(
            measureVigil(vigil, endpoint, c, first ? firstWarmup : warmup, seconds, probeVersions));
        first = false;
        rows.add(measureBlackbox(blackbox, endpoint, c, warmup, seconds));
      }
      ceilings.add(ceiling(endpoint, cores, seconds));
    }
    String report =
        ScanRateReport.render(
            rows,
            ceilings,
            levels,
            cores,
            loadBefore,
            Versions.loadAverage(),
            seconds,
            probeVersions,
            client);
    System.out.println(report);
    if (results != null) {
      ScanRateReport.replaceSection(results, report);
      log("results written to %s", results);
    }
  }

  private static Measurement ceiling(NginxEndpoint endpoint, int cores, int seconds)
      throws Exception {
    Measurement m = OpenSslCeiling.measure(endpoint, cores, seconds);
    log(
        "ceiling: %.0f handshakes/s (cpu busy %.0f%%; CPU per handshake: s_time %.0f us user,"
            + " nginx %.0f us)",
        m.perSecond(), m.cpuBusyPercent(), m.clientCpuMicros(), m.serverCpuMicros());
    return m;
  }

  private static Measurement measureVigil(
      VigilLoad vigil,
      NginxEndpoint endpoint,
      int c,
      int warmup,
      int seconds,
      boolean probeVersions)
      throws Exception {
    vigil.start(c);
    Measurement m =
        window(
            "Vigil" + (probeVersions ? " (+TLS version probing)" : ""),
            c,
            warmup,
            seconds,
            vigil::completed,
            vigil::failed,
            ProcessCpu::self,
            endpoint::cpuSeconds);
    vigil.stop();
    report(m, vigil.lastFailure());
    return m;
  }

  private static Measurement measureBlackbox(
      Blackbox blackbox, NginxEndpoint endpoint, int c, int warmup, int seconds) throws Exception {
    BlackboxLoad load = new BlackboxLoad(blackbox.port(), endpoint.port());
    load.start(c);
    Measurement m =
        window(
            "blackbox_exporter",
            c,
            warmup,
            seconds,
            load::succeeded,
            load::failed,
            blackbox::cpuSeconds,
            endpoint::cpuSeconds);
    load.stop();
    report(m, load.lastFailure());
    return m;
  }

  private static Measurement window(
      String client,
      int c,
      int warmup,
      int seconds,
      LongSupplier done,
      LongSupplier failed,
      DoubleSupplier clientCpu,
      DoubleSupplier serverCpu)
      throws InterruptedException {
    Thread.sleep(warmup * 1000L);
    // The JIT compiles the handshake path after some thousands of scans; on a busy machine a few
    // seconds are not enough, so warm up until enough scans are done (bounded). blackbox_exporter
    // is compiled ahead of time and gets the same rule.
    long warmEnd = System.nanoTime() + MAX_WARMUP.toNanos();
    while (done.getAsLong() < WARMUP_OPERATIONS && System.nanoTime() < warmEnd) {
      Thread.sleep(200);
    }
    long ok0 = done.getAsLong();
    long bad0 = failed.getAsLong();
    double client0 = clientCpu.getAsDouble();
    double server0 = serverCpu.getAsDouble();
    long t0 = System.nanoTime();
    CpuMeter cpu = CpuMeter.start();
    Thread.sleep(seconds * 1000L);
    long ok = done.getAsLong() - ok0;
    long bad = failed.getAsLong() - bad0;
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double perOp = 1e6 / Math.max(1, ok);
    return new Measurement(
        client,
        c,
        ok / elapsed,
        ok,
        bad,
        cpu.busyPercent(),
        (clientCpu.getAsDouble() - client0) * perOp,
        (serverCpu.getAsDouble() - server0) * perOp);
  }

  private static void report(Measurement m, String lastFailure) {
    log(
        "%s c=%d: %.0f/s (%d ok, %d failed, cpu busy %.0f%%; CPU per op: client %.0f us,"
            + " nginx %.0f us)",
        m.client(),
        m.concurrency(),
        m.perSecond(),
        m.completed(),
        m.failed(),
        m.cpuBusyPercent(),
        m.clientCpuMicros(),
        m.serverCpuMicros());
    if (m.failed() > 0) {
      log("  last failure: %s", lastFailure);
    }
  }

  static void log(String format, Object... args) {
    System.err.printf("[scan-rate] " + format + "%n", args);
  }
}
