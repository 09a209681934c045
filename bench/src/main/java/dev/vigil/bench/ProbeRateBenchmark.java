package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * [concurrency=64] [seconds=15] [peers=4] [warmupSeconds=5] [client-only] [jdk|sockets]}
 */
public final class ProbeRateBenchmark {

  private static final String SEQ = "X-Bench-Seq";
  private static boolean clientOnly;
  private static ProbeHttpClient sharedHttp;
  private static final byte[] BATCH =
      ("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]},"
              + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\",\"params\":[]}]")
          .getBytes(StandardCharsets.US_ASCII);
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** CPU time spent so far by all peer threads, so it can be taken out of the process's. */
  static long peerCpuNanos() {
    long sum = Peer.FINISHED_CPU.get();
    for (Thread t : Peer.THREADS) {
      long cpu = CPU.getThreadCpuTime(t.getId());
      sum += Math.max(cpu, 0);
    }
    return sum;
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

    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < peerCount; i++) {
      peers.add(new Peer());
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
        "concurrency %d, %d peers, %d s: %d probes, %.0f probes/s, %d failed or unhealthy%n",
        concurrency, peerCount, seconds, r.probes, r.probes / (double) seconds, r.bad);
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
    peers.forEach(Peer::close);
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
      List<Peer> peers,
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
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long peerCpuBefore = peerCpuNanos();
    for (int w = 0; w < concurrency; w++) {
      Peer peer = peers.get(w % peers.size());
      Thread worker =
          new Thread(
              () -> {
                ProviderObservation previous = null;
                while (!stop.get()) {
                  long seq = sequence.incrementAndGet();
                  ProbeRequest request =
                      new ProbeRequest(
                          "peer-" + peer.port(),
                          ChainFamily.EVM,
                          peer.uri(),
                          Map.of(SEQ, Long.toString(seq)),
                          Duration.ofSeconds(5),
                          null);
                  long start = System.nanoTime();
                  if (clientOnly) {
                    dev.vigil.scanner.chain.probe.HttpOutcome out =
                        sharedHttp.send(
                            "POST",
                            request.url(),
                            Map.of("Content-Type", "application/json", SEQ, Long.toString(seq)),
                            BATCH,
                            start + 5_000_000_000L);
                    long total = System.nanoTime() - start;
                    Long peerNanos = peer.handling.remove(seq);
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
                  Long peerNanos = peer.handling.remove(seq);
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
    Thread.sleep(seconds * 1000L); // the measured interval itself
    stop.set(true);
    done.await();
    double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double peerCpu = (peerCpuNanos() - peerCpuBefore) / 1e9;
    long[] totals = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
    long[] peerTimes = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
    long[] overheads = samples.stream().mapToLong(s -> s[0] - s[1]).sorted().toArray();
    return new Result(samples.size(), bad.get(), totals, peerTimes, overheads, cpu, peerCpu);
  }

  /**
   * A JSON-RPC peer answering the EVM prober's batch instantly: HTTP/1.1 keep-alive, one thread per
   * connection, the answer prepared in advance and refreshed every second (fresh block time).
   */
  static final class Peer implements AutoCloseable {
    final Map<Long, Long> handling = new ConcurrentHashMap<>();

    /** CPU time of this peer's finished and running connection threads. */
    static final java.util.Set<Thread> THREADS = ConcurrentHashMap.newKeySet();

    static final AtomicLong FINISHED_CPU = new AtomicLong();
    private final ServerSocket server;
    private volatile byte[] answer;
    private final Thread refresher;

    Peer() throws IOException {
      server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
      answer = answer();
      Thread acceptor = new Thread(this::accept, "peer-accept-" + server.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      refresher =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Thread.sleep(1000); // the peer's block clock
                  } catch (InterruptedException e) {
                    return;
                  }
                  answer = answer();
                }
              });
      refresher.setDaemon(true);
      refresher.start();
    }

    int port() {
      return server.getLocalPort();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + port() + "/");
    }

    private static byte[] answer() {
      long now = System.currentTimeMillis() / 1000;
      long height = 20_000_000 + now % 1_000_000;
      String body =
          "["
              + rpc(1, "\"0x1\"")
              + ","
              + rpc(2, "\"0x" + Long.toHexString(height) + "\"")
              + ","
              + rpc(3, block(height, now))
              + ","
              + rpc(4, block(height - 32, now - 384))
              + ","
              + rpc(5, block(height - 64, now - 768))
              + ","
              + rpc(6, "false")
              + ","
              + rpc(7, "\"0x32\"")
              + "]";
      byte[] b = body.getBytes(StandardCharsets.US_ASCII);
      String head =
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + b.length
              + "\r\n\r\n";
      byte[] h = head.getBytes(StandardCharsets.US_ASCII);
      byte[] all = Arrays.copyOf(h, h.length + b.length);
      System.arraycopy(b, 0, all, h.length, b.length);
      return all;
    }

    private static String rpc(int id, String result) {
      return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
    }

    private static String block(long n, long time) {
      return "{\"number\":\"0x"
          + Long.toHexString(n)
          + "\",\"hash\":\"0x"
          + "ab".repeat(31)
          + String.format("%04x", n & 0xffff)
          + "\",\"parentHash\":\"0x"
          + "cd".repeat(32)
          + "\",\"timestamp\":\"0x"
          + Long.toHexString(time)
          + "\",\"gasUsed\":\"0x1c9c380\",\"transactions\":[]}";
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          socket.setTcpNoDelay(true);
          Thread t =
              new Thread(
                  () -> {
                    try {
                      serve(socket);
                    } finally {
                      FINISHED_CPU.addAndGet(CPU.getCurrentThreadCpuTime());
                      THREADS.remove(Thread.currentThread());
                    }
                  },
                  "peer-conn");
          THREADS.add(t);
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket socket) {
      try (socket) {
        InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[16384];
        while (true) {
          int first = in.read();
          if (first < 0) {
            return;
          }
          long start = System.nanoTime();
          buffer[0] = (byte) first;
          int n = 1;
          // headers up to the blank line
          while (!(n >= 4
              && buffer[n - 4] == '\r'
              && buffer[n - 3] == '\n'
              && buffer[n - 2] == '\r'
              && buffer[n - 1] == '\n')) {
            int c = in.read();
            if (c < 0) {
              return;
            }
            buffer[n++] = (byte) c;
          }
          String head = new String(buffer, 0, n, StandardCharsets.US_ASCII);
          long length = header(head, "content-length");
          in.skipNBytes(length);
          long seq = header(head, SEQ.toLowerCase());
          // Recorded before the answer leaves, so the prober always finds it.
          handling.put(seq, System.nanoTime() - start);
          out.write(answer);
          out.flush();
        }
      } catch (IOException e) {
        // client closed the connection
      }
    }

    private static long header(String head, String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return Long.parseLong(line.substring(colon + 1).trim());
        }
      }
      return -1;
    }

    @Override
    public void close() {
      try {
        server.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      refresher.interrupt();
    }
  }
}
