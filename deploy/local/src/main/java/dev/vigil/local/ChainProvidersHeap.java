package dev.vigil.local;

import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import dev.vigil.infra.chain.EvmBenchPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap of one whole scanner-service replica (the packaged {@code quarkus-run.jar}, {@code
 * -Xmx512m}) probing N chain providers for real. N providers in chains of 10, each with its own URL
 * (a path with a 32-character key) on one of a few {@link EvmBenchPeer}s on loopback, probed at the
 * default 15 s interval: 10,000 providers are about 670 probes, events and comparisons a second,
 * with the previous observations on the heap as in production.
 *
 * <p>Registers them through the REST API with several client threads, waits until every provider
 * has a {@code ChainHealthObserved} on {@code vigil.chain-health}, lets the replica run, then
 * measures over two windows: probes a second ({@code vigil_chain_probes_total}), process CPU, GC
 * pause time, and the heap in use after a forced full GC ({@code jcmd GC.run}).
 *
 * <p>Run after {@code ./mvnw -DskipTests install}: {@code java -cp
 * deploy/local/target/vigil-local.jar dev.vigil.local.ChainProvidersHeap 10000 [512m] [peers]
 * [rest|topic]}. Every connection it makes or serves is on loopback.
 */
public final class ChainProvidersHeap {

  static final int INTERVAL_SECONDS = 15;
  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+]+)$");
  private static final Pattern PROBES =
      Pattern.compile("(?m)^vigil_chain_probes_total\\{[^}]*} ([0-9.eE+]+)$");
  private static final Pattern PROBES_BY_STATUS =
      Pattern.compile("(?m)^vigil_chain_probes_total\\{[^}]*status=\"(\\w+)\"[^}]*} ([0-9.eE+]+)$");
  private static final Pattern OLD_GEN =
      Pattern.compile(
          "(?m)^jvm_memory_used_bytes\\{area=\"heap\",id=\"G1 Old Gen\"[^}]*} ([0-9.eE+]+)$");
  private static final Pattern GC_PAUSE =
      Pattern.compile("(?m)^jvm_gc_pause_seconds_sum\\{[^}]*} ([0-9.eE+]+)$");

  private ChainProvidersHeap() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String maxHeap = args.length > 1 ? args[1] : "512m";
    int peerCount = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    // "rest" (default): 8 operator clients register them; "topic": another system publishes them.
    boolean viaTopic = args.length > 3 && args[3].equals("topic");
    Path root = VigilLocal.projectRoot();
    Path work = Files.createTempDirectory("vigil-chain-heap");
    log("load average at start: %s; %d cores", ProcessCpu.loadAverage(), cores());
    List<EvmBenchPeer> peers = new ArrayList<>();
    for (int i = 0; i < peerCount; i++) {
      peers.add(EvmBenchPeer.start());
    }
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"))) {
      LocalPostgres.Database db = postgres.database("scanner", UUID.randomUUID().toString());
      String password = UUID.randomUUID().toString();
      ServiceProcess scanner =
          ServiceProcess.benchScanner(
              root, kafka.bootstrapServers(), db, password, work.resolve("logs"), maxHeap);
      ChainHealthReader seen = ChainHealthReader.start(kafka.bootstrapServers());
      try {
        scanner.awaitReady(Duration.ofMinutes(5));
        log("scanner up (pid %d, -Xmx%s); log %s", scanner.pid(), maxHeap, scanner.log());
        Thread.sleep(10_000); // let start-up work settle before the empty figure
        report("no providers", scanner);
        long t0 = System.nanoTime();
        BenchChains chains = new BenchChains(count, peers, INTERVAL_SECONDS);
        if (viaTopic) {
          chains.publish(kafka.bootstrapServers());
        } else {
          chains.register(scanner.url(), password);
        }
        log(
            "%s %,d providers in %.1f s",
            viaTopic ? "published" : "registered", count, (System.nanoTime() - t0) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (seen.providers.size() < count) {
          if (!scanner.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "only "
                    + seen.providers.size()
                    + " providers observed; alive "
                    + scanner.isAlive());
          }
          log("  %,d of %,d providers observed", seen.providers.size(), count);
          Thread.sleep(5_000);
        }
        log(
            "every provider observed %.0f s after registration began",
            (System.nanoTime() - t0) / 1e9);
        Thread.sleep(2 * INTERVAL_SECONDS * 1000L); // two more rounds before measuring
        window("rounds 3-4", 2, scanner, seen, peers, postgres.port());
        report("with " + count + " providers, after ~4 rounds", scanner);
        window("rounds 5-8", 4, scanner, seen, peers, postgres.port());
        report("with " + count + " providers, after ~8 rounds", scanner);
        String histogram = scanner.jcmd("GC.class_histogram");
        System.out.println(
            "jcmd GC.class_histogram, top 25:\n"
                + String.join("\n", histogram.lines().limit(28).toList()));
        log("probes by status: %s", byStatus(scanner.metrics()));
        log("peer connections open: %s", peers.stream().map(EvmBenchPeer::connections).toList());
      } finally {
        seen.close();
        scanner.close();
        peers.forEach(EvmBenchPeer::close);
      }
    }
    log("load average at end: %s", ProcessCpu.loadAverage());
    System.exit(0);
  }

  /** Probes a second, events a second, CPU and GC pause share over {@code rounds} intervals. */
  private static void window(
      String name,
      int rounds,
      ServiceProcess scanner,
      ChainHealthReader seen,
      List<EvmBenchPeer> peers,
      int postgresPort)
      throws Exception {
    String before = scanner.metrics();
    long events0 = seen.events.get();
    long served0 = peers.stream().mapToLong(EvmBenchPeer::requests).sum();
    double cpu0 = ProcessCpu.millis(scanner.pid());
    Map<String, Double> threads0 = ProcessCpu.jvmThreadMillis(scanner.pid());
    double bench0 = ProcessCpu.millis(ProcessHandle.current().pid());
    double pg0 = ProcessCpu.postgresMillis(postgresPort);
    long t0 = System.nanoTime();
    Thread.sleep(rounds * INTERVAL_SECONDS * 1000L);
    String after = scanner.metrics();
    double cpu = ProcessCpu.millis(scanner.pid()) - cpu0;
    Map<String, Double> threads = ProcessCpu.jvmThreadMillis(scanner.pid());
    double bench = ProcessCpu.millis(ProcessHandle.current().pid()) - bench0;
    double pg = ProcessCpu.postgresMillis(postgresPort) - pg0;
    double seconds = (System.nanoTime() - t0) / 1e9;
    double probes =
        (ServiceProcess.sum(PROBES, after) - ServiceProcess.sum(PROBES, before)) / seconds;
    long served = peers.stream().mapToLong(EvmBenchPeer::requests).sum() - served0;
    log(
        "%s (%.0f s): %.0f probes/s (metric), %.0f ChainHealthObserved/s, %.0f batches/s answered"
            + " by the peers; scanner CPU %.0f%% of one core; GC pauses %.1f%% of the time;"
            + " heap before GC %.1f MB; load average %s",
        name,
        seconds,
        probes,
        (seen.events.get() - events0) / seconds,
        served / seconds,
        100 * cpu / 1000 / seconds,
        100
            * (ServiceProcess.sum(GC_PAUSE, after) - ServiceProcess.sum(GC_PAUSE, before))
            / seconds,
        ServiceProcess.sum(HEAP, after) / 1e6,
        ProcessCpu.loadAverage());
    log(
        "  scanner CPU by thread kind (%% of one core): app %.0f, jit %.0f, vm/gc %.0f; %.2f ms"
            + " of scanner CPU per probe; this bench (Kafka broker, peers) %.0f%%; PostgreSQL"
            + " %.0f%%",
        pct(threads.get("app") - threads0.get("app"), seconds),
        pct(threads.get("jit") - threads0.get("jit"), seconds),
        pct(threads.get("vm") - threads0.get("vm"), seconds),
        cpu / seconds / probes,
        pct(bench, seconds),
        pct(pg, seconds));
  }

  private static double pct(double millis, double seconds) {
    return 100 * millis / 1000 / seconds;
  }

  private static void report(String when, ServiceProcess scanner) throws Exception {
    scanner.jcmd("GC.run");
    String metrics = scanner.metrics();
    double heap = ServiceProcess.sum(HEAP, metrics);
    // What survived the full GC; eden also holds what the probes allocated since.
    double old = ServiceProcess.sum(OLD_GEN, metrics);
    log(
        "%s: heap used after GC.run %.1f MB (of which G1 Old Gen %.1f MB); %s",
        when, heap / 1e6, old / 1e6, scanner.rss());
    System.out.println("jcmd GC.heap_info (" + when + "):\n" + scanner.jcmd("GC.heap_info"));
  }

  private static Map<String, Double> byStatus(String metrics) {
    Map<String, Double> out = new TreeMap<>();
    Matcher m = PROBES_BY_STATUS.matcher(metrics);
    while (m.find()) {
      out.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
    }
    return out;
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static void log(String format, Object... args) {
    System.err.printf(
        "[chain-heap %tT] " + format + "%n", prepend(System.currentTimeMillis(), args));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
