package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.chain.EvmBenchPeer;
import dev.vigil.scanner.chain.probe.EvmProber;
import dev.vigil.scanner.chain.probe.JsonRpcClient;
import dev.vigil.scanner.chain.probe.ProbeHttpClient;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.ObservationEvaluator;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.tls.HostResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Probes per second of one scanner replica's EVM probe path (bounded client, JSON-RPC batch of 7
 * calls, parsing, evaluation) against local JSON-RPC peers on loopback, at a fixed concurrency.
 *
 * <p>The peers answer a whole batch from bytes prepared in advance, on a thread per connection
 * (HTTP/1.1 keep-alive). Each probe carries a sequence number in a header; the peer records how
 * long it spent on that request, from the first byte read to the last byte written. Vigil's
 * overhead is the probe's total time minus that peer time.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.vigil.bench.ProbeRateBenchmark
 * [concurrency=64] [seconds=15] [peers=4] [warmupSeconds=5] [client-only] [jdk|sockets] [rate=N]}
 *
 * <p>Without {@code rate} the workers probe in a closed loop (each starts its next probe when the
 * last ends): that measures the most probes per second, and the latency is mostly waiting for a
 * CPU. With {@code rate=N} probes fall due at N per second (open loop) and are timed from when they
 * were due: the latency at a given load.
 */
public final class ProbeRateBenchmark {

  static final String SEQ = "X-Bench-Seq";
  private static boolean clientOnly;
  private static ProbeHttpClient sharedHttp;
  private static int rate;
  private static final byte[] BATCH =
      ("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]},"
              + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\",\"params\":[]}]")
          .getBytes(StandardCharsets.US_ASCII);

  /** Time each peer spent on a request, by the request's {@link #SEQ} header. */
  private static final Map<Long, Long> HANDLING = new java.util.concurrent.ConcurrentHashMap<>();

  /** CPU time spent so far by all peer threads, so it can be taken out of the process's. */
  static long peerCpuNanos(List<EvmBenchPeer> peers) {
    return peers.stream().mapToLong(EvmBenchPeer::cpuNanos).sum();
  }

  public static void main(String[] args) throws Exception {
    int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int peerCount = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    // "client-only": the same HTTP exchange through ProbeHttpClient, without JSON-RPC parsing and
    // evaluation, to see how much of a probe's cost is the HTTP client.
    // "jdk" or "sockets" (default): which ProbeHttpClient implementation carries the probes.
    List<String> flags = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();
    clientOnly = flags.contains("client-only");
    String clientName = flags.contains("jdk") ? "jdk" : "sockets";
    // "rate=N": open loop. Probes are due at N per second whatever the workers do; a probe's time
    // counts from when it was due, so waiting for a free worker is part of the overhead.
    rate =
        flags.stream()
            .filter(f -> f.startsWith("rate="))
            .mapToInt(f -> Integer.parseInt(f.substring(5)))
            .findFirst()
            .orElse(0);

    List<EvmBenchPeer> peers = new ArrayList<>();
    for (int i = 0; i < peerCount; i++) {
      // 12 s blocks, as the expectations below; the handling time is recorded before the answer
      // leaves, so the prober always finds it.
      peers.add(
          EvmBenchPeer.start(
              12, (head, nanos) -> HANDLING.put(EvmBenchPeer.header(head, SEQ), nanos)));
    }
    ProbeHttpClient http =
        ProbeHttpClient.named(
            clientName,
            AddressPolicy.defaults(),
            HostResolver.SYSTEM,
            2 << 20,
            Duration.ofSeconds(5));
    System.out.printf("HTTP client: %s%s%n", clientName, clientOnly ? " (client-only)" : "");
    sharedHttp = http;
    EvmProber prober =
        new EvmProber(new JsonRpcClient(http, new ObjectMapper()), Clock.systemUTC());
    ObservationEvaluator evaluator = new ObservationEvaluator();
    ChainExpectations expectations = ChainExpectations.forBlockTime("1", Duration.ofSeconds(12));

    System.out.printf(
        "load average before: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    run(peers, prober, evaluator, expectations, concurrency, warmup, false);
    Result r = run(peers, prober, evaluator, expectations, concurrency, seconds, true);
    System.out.printf(
        "load average after:  %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.printf(
        "concurrency %d, %d peers, %d s, %s: %d probes, %.0f probes/s, %d failed or unhealthy%n",
        concurrency,
        peerCount,
        seconds,
        rate > 0 ? "open loop at " + rate + " probes/s" : "closed loop",
        r.probes,
        r.probes / (double) seconds,
        r.bad);
    System.out.printf(
        "total per probe   p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
        r.total(0.50), r.total(0.99), r.total(1.0));
    System.out.printf("peer time         p50 %.3f ms  p99 %.3f ms%n", r.peer(0.50), r.peer(0.99));
    System.out.printf(
        "Vigil overhead    p50 %.2f ms  p99 %.2f ms  (total minus peer time)%n",
        r.overhead(0.50), r.overhead(0.99));
    System.out.printf(
        "CPU: %d cores; process CPU %.1f s over the measured run, of which peers %.1f s;"
            + " Vigil CPU per probe %.0f us%n",
        Runtime.getRuntime().availableProcessors(),
        r.cpuSeconds,
        r.peerCpuSeconds,
        (r.cpuSeconds - r.peerCpuSeconds) * 1e6 / Math.max(1, r.probes));
    peers.forEach(EvmBenchPeer::close);
    System.exit(0);
  }

  private record Result(
      long probes,
      long bad,
      long[] totals,
      long[] peers,
      long[] overheads,
      double cpuSeconds,
      double peerCpuSeconds) {
    double total(double q) {
      return pick(totals, q);
    }

    double peer(double q) {
      return pick(peers, q);
    }

    double overhead(double q) {
      return pick(overheads, q);
    }

    private static double pick(long[] sorted, double q) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
      return sorted[Math.max(i, 0)] / 1_000_000.0;
    }
  }

  private static Result run(
      List<EvmBenchPeer> peers,
      EvmProber prober,
      ObservationEvaluator evaluator,
      ChainExpectations expectations,
      int concurrency,
      int seconds,
      boolean measure)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong sequence = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(concurrency);
    java.util.concurrent.BlockingQueue<Long> dueTimes =
        new java.util.concurrent.LinkedBlockingQueue<>();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long peerCpuBefore = peerCpuNanos(peers);
    for (int w = 0; w < concurrency; w++) {
      EvmBenchPeer peer = peers.get(w % peers.size());
      Thread worker =
          new Thread(
              () -> {
                ProviderObservation previous = null;
                // Open loop: drain what is due even after the last due time was handed out.
                while (rate > 0 || !stop.get()) {
                  long due = rate > 0 ? nextDue(dueTimes, stop) : System.nanoTime();
                  if (due < 0) {
                    break;
                  }
                  long seq = sequence.incrementAndGet();
                  ProbeRequest request =
                      new ProbeRequest(
                          "peer-" + peer.port(),
                          ChainFamily.EVM,
                          peer.uri(),
                          Map.of(SEQ, Long.toString(seq)),
                          Duration.ofSeconds(5),
                          null);
                  long start = due;
                  if (clientOnly) {
                    dev.vigil.scanner.chain.probe.HttpOutcome out =
                        sharedHttp.send(
                            "POST",
                            request.url(),
                            Map.of("Content-Type", "application/json", SEQ, Long.toString(seq)),
                            BATCH,
                            System.nanoTime() + 5_000_000_000L);
                    long total = System.nanoTime() - start;
                    Long peerNanos = HANDLING.remove(seq);
                    if (out.failed() || out.status() != 200 || peerNanos == null) {
                      bad.incrementAndGet();
                    } else if (measure) {
                      samples.add(new long[] {total, peerNanos});
                    }
                    continue;
                  }
                  ProviderObservation o = prober.probe(request);
                  ChainVerdict verdict = evaluator.evaluate(o, previous, expectations, null);
                  long total = System.nanoTime() - start;
                  previous = o;
                  Long peerNanos = HANDLING.remove(seq);
                  if (!o.errors().isEmpty() || o.latest() == null || peerNanos == null) {
                    bad.incrementAndGet();
                    continue;
                  }
                  if (verdict.findings().stream().anyMatch(f -> !f.code().equals("SLOW_RPC"))) {
                    bad.incrementAndGet();
                  }
                  if (measure) {
                    samples.add(new long[] {total, peerNanos});
                  }
                }
                done.countDown();
              },
              "probe-worker-" + w);
      worker.setDaemon(true);
      worker.start();
    }
    if (rate > 0) {
      pace(dueTimes, seconds);
    } else {
      Thread.sleep(seconds * 1000L); // the measured interval itself
    }
    stop.set(true);
    done.await();
    double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double peerCpu = (peerCpuNanos(peers) - peerCpuBefore) / 1e9;
    long[] totals = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
    long[] peerTimes = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
    long[] overheads = samples.stream().mapToLong(s -> s[0] - s[1]).sorted().toArray();
    return new Result(samples.size(), bad.get(), totals, peerTimes, overheads, cpu, peerCpu);
  }

  /** Puts one due time per 1/rate second on the queue for {@code seconds}. */
  private static void pace(java.util.concurrent.BlockingQueue<Long> dueTimes, int seconds) {
    long interval = 1_000_000_000L / rate;
    long begin = System.nanoTime();
    long end = begin + seconds * 1_000_000_000L;
    for (long due = begin; due < end; due += interval) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      dueTimes.add(due);
    }
  }

  /** The next due probe, or -1 once the run has stopped and nothing is left to do. */
  private static long nextDue(
      java.util.concurrent.BlockingQueue<Long> dueTimes, AtomicBoolean stop) {
    try {
      while (true) {
        Long due = dueTimes.poll(10, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (due != null) {
          return due;
        }
        if (stop.get()) {
          return -1;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
