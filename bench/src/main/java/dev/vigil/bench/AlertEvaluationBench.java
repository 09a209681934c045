package dev.vigil.bench;

import dev.vigil.alert.domain.AlertState;
import dev.vigil.alert.domain.AlertTransition;
import dev.vigil.alert.domain.Decision;
import dev.vigil.alert.rules.CelExpressions;
import dev.vigil.alert.rules.FactSheets;
import dev.vigil.alert.rules.Facts;
import dev.vigil.alert.rules.RuleCompiler;
import dev.vigil.alert.rules.RuleFile;
import dev.vigil.alert.rules.RuleInstance;
import dev.vigil.alert.rules.RuleOutcome;
import dev.vigil.alert.rules.RuleSet;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.CertificateSummary;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * alert-service's evaluation path without Kafka and PostgreSQL: event record to CEL facts, every
 * default-pack rule of the event's type, and the state machine over an in-memory alert table (one
 * per thread, as Kafka partitions give each consumer its own entities). Reports events per second
 * and per-event latency percentiles.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.vigil.bench.AlertEvaluationBench [events]
 * [threads]}
 */
public final class AlertEvaluationBench {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private AlertEvaluationBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    RuleSet rules = defaults();
    System.out.printf(
        "%d rules; %d events per run; 10,000 targets, 2,000 providers%n",
        rules.all().size(), events);
    List<Object> workload = workload(200_000);
    for (int round = 1; round <= 3; round++) {
      for (int threads = 1; threads <= maxThreads; threads++) {
        run(rules, workload, events, threads, round);
      }
    }
  }

  static void run(RuleSet rules, List<Object> workload, int events, int threads, int round)
      throws InterruptedException {
    AtomicLong fired = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    long[][] latencies = new long[threads][];
    Thread[] workers = new Thread[threads];
    int perThread = events / threads;
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] =
          new Thread(
              () -> {
                Map<String, Map<String, AlertState>> table = new HashMap<>();
                long[] lat = new long[perThread / 100 + 1];
                long fires = 0;
                long cpu0 =
                    java.lang.management.ManagementFactory.getThreadMXBean()
                        .getCurrentThreadCpuTime();
                for (int i = 0; i < perThread; i++) {
                  Object event = workload.get((i * threads + id) % workload.size());
                  long t0 = (i % 100 == 0) ? System.nanoTime() : 0;
                  fires += evaluate(rules, event, table);
                  if (t0 != 0) {
                    lat[i / 100] = System.nanoTime() - t0;
                  }
                }
                latencies[id] = lat;
                fired.addAndGet(fires);
                cpuNanos.addAndGet(
                    java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime()
                        - cpu0);
              });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all =
        Arrays.stream(latencies)
            .flatMapToLong(Arrays::stream)
            .filter(x -> x > 0)
            .sorted()
            .toArray();
    System.out.printf(
        "round %d threads %d: %,.0f events/s wall, %,.0f events per CPU-second  p50 %.1f us  p99 %.1f us  (%,d AlertFired)%n",
        round,
        threads,
        perThread * threads / seconds,
        perThread * threads / (cpuNanos.get() / 1e9),
        all[all.length / 2] / 1e3,
        all[(int) (all.length * 0.99)] / 1e3,
        fired.get());
  }

  /**
   * What {@code AlertService} does per event, minus the database: the stored alerts of the entity
   * and rule (here a map per entity and rule), the state machine for each observed instance and
   * each stored alert. Returns the number of AlertFired.
   */
  static int evaluate(RuleSet rules, Object event, Map<String, Map<String, AlertState>> table) {
    Facts facts =
        event instanceof CertificateScanned s
            ? FactSheets.certificate(s)
            : FactSheets.chain((ChainHealthObserved) event);
    int fires = 0;
    for (RuleOutcome o : rules.evaluate(facts)) {
      if (o.noData()) {
        continue;
      }
      String key = facts.entityId() + '|' + o.rule().name();
      Map<String, AlertState> stored = table.get(key);
      for (RuleInstance i : o.instances()) {
        if (stored == null && i.observation() != dev.vigil.alert.domain.Observation.MATCH) {
          continue;
        }
        AlertState current = stored == null ? null : stored.get(i.fingerprint());
        Decision d =
            AlertTransition.decide(current, i.observation(), i.severity(), o.rule().timing(), NOW);
        if (d.transition() != AlertTransition.NONE) {
          if (d.transition().firesEvent()) {
            i.annotations(); // rendered for the AlertFired event
            fires++;
          }
          table.computeIfAbsent(key, k -> new HashMap<>()).put(i.fingerprint(), d.next());
          stored = table.get(key);
        }
      }
    }
    return fires;
  }

  static RuleSet defaults() throws IOException {
    RuleCompiler compiler = new RuleCompiler(new CelExpressions());
    List<RuleFile> files = new ArrayList<>();
    for (String pack : List.of("certificates.yaml", "chains.yaml", "apis.yaml")) {
      try (InputStream in = AlertEvaluationBench.class.getResourceAsStream("/rules/" + pack)) {
        files.add(
            RuleFile.compile(
                compiler, pack, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return RuleSet.merge(files);
  }

  /** Half certificate scans (one in ten expiring, some with findings), half chain observations. */
  static List<Object> workload(int size) {
    Random random = new Random(42);
    List<Object> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      if (i % 2 == 0) {
        String target = "t-" + random.nextInt(10_000);
        int t = Integer.parseInt(target.substring(2));
        // One target in ten is expiring (its alert fires once, then refreshes); one in fifty
        // flips between expiring and renewed on every scan (fire, resolve, fire ...).
        long days = t % 50 == 0 ? (random.nextBoolean() ? 5 : 90) : t % 10 == 0 ? 20 : 120;
        List<Finding> findings =
            random.nextInt(20) == 0
                ? List.of(
                    new Finding(
                        "WEAK_KEY", Severity.WARNING, 0, "RSA-1024", Map.of("bits", "1024")))
                : List.of();
        out.add(scan(target, days, findings));
      } else {
        String provider = "p-" + random.nextInt(2_000);
        double age = random.nextInt(50) == 0 ? 30.0 : random.nextDouble() * 4;
        out.add(chain(provider, age));
      }
    }
    return out;
  }

  static CertificateScanned scan(String target, long daysLeft, List<Finding> findings) {
    Instant notAfter = NOW.plus(Duration.ofDays(daysLeft));
    CertificateSummary leaf =
        new CertificateSummary(
            0,
            "CN=" + target + ".example.com",
            "CN=Bench CA",
            "0a",
            NOW.minus(Duration.ofDays(30)),
            notAfter,
            daysLeft,
            "ff".repeat(32),
            "ee".repeat(32),
            "EC",
            256,
            "SHA256withECDSA",
            List.of(target + ".example.com"),
            false,
            false);
    return new CertificateScanned(
        "s",
        target,
        ScanTarget.tlsEndpoint(target + ".example.com", 443, null, "10.0.0.1"),
        Map.of("team", "payments", "env", "prod"),
        NOW,
        ScanOutcome.COMPLETED,
        null,
        null,
        "TLSv1.3",
        List.of(leaf),
        notAfter,
        daysLeft,
        findings);
  }

  static ChainHealthObserved chain(String provider, double headAge) {
    return new ChainHealthObserved(
        "o",
        "base-mainnet",
        provider,
        "Node " + provider,
        "RPC",
        "OP_STACK",
        Map.of("env", "prod"),
        NOW,
        HealthStatus.HEALTHY,
        "8453",
        "8453",
        100L,
        "0xab",
        NOW,
        headAge,
        2.0,
        1L,
        0L,
        10L,
        20.0,
        1.0,
        0L,
        0L,
        false,
        10,
        30.0,
        null,
        List.of());
  }
}
