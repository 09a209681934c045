package dev.vigil.infra.chain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC node on loopback for benchmarks, answering the EVM prober's batch ({@code
 * eth_chainId}, {@code eth_blockNumber}, three {@code eth_getBlockByNumber}, {@code eth_syncing},
 * {@code net_peerCount}) from prepared bytes, whatever the path: HTTP/1.1 keep-alive, one thread
 * per connection. The head advances one block a second with a fresh timestamp and hashes derived
 * from the height (no fork), so a provider probed against it is healthy and the scanner does its
 * whole work (parse, compare, rank, publish). For benchmarks that load the scanner, not for
 * protocol tests: it answers every request with the same batch.
 */
public final class EvmBenchPeer implements AutoCloseable {

  /** Told about every request answered, before the answer leaves. */
  @FunctionalInterface
  public interface Observer {
    /**
     * @param requestHead the request line and headers
     * @param handlingNanos from the request's first byte to the answer being ready
     */
    void answered(String requestHead, long handlingNanos);
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final ServerSocket server;
  private final int blockSeconds;
  private final Observer observer;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
  private final AtomicLong finishedCpuNanos = new AtomicLong();
  private volatile byte[] answer;
  private final Thread refresher;

  private EvmBenchPeer(ServerSocket server, int blockSeconds, Observer observer) {
    this.server = server;
    this.blockSeconds = blockSeconds;
    this.observer = observer;
    this.answer = answer();
    Thread acceptor = new Thread(this::accept, "rpc-peer-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    refresher = new Thread(this::refresh, "rpc-peer-clock-" + server.getLocalPort());
    refresher.setDaemon(true);
    refresher.start();
  }

  /** A peer whose safe and finalized blocks are one second a block behind the head. */
  public static EvmBenchPeer start() {
    return start(1, (head, nanos) -> {});
  }

  /**
   * @param blockSeconds seconds between blocks, for the timestamps of the safe (head - 32) and
   *     finalized (head - 64) blocks: match the chain's configured block time
   * @param observer told about every request answered (runs on the connection's thread)
   */
  public static EvmBenchPeer start(int blockSeconds, Observer observer) {
    try {
      return new EvmBenchPeer(
          new ServerSocket(0, 512, InetAddress.getLoopbackAddress()), blockSeconds, observer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port", e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** Batches answered so far. */
  public long requests() {
    return requests.get();
  }

  /** Keep-alive connections open now. */
  public int connections() {
    return connections.get();
  }

  /**
   * CPU time of this peer's connection threads, finished and running: what a benchmark subtracts
   * from its own process's CPU to leave the prober's.
   */
  public long cpuNanos() {
    long sum = finishedCpuNanos.get();
    for (Thread t : connectionThreads) {
      sum += Math.max(0, CPU.getThreadCpuTime(t.getId()));
    }
    return sum;
  }

  private void refresh() {
    while (!server.isClosed()) {
      try {
        Thread.sleep(1000); // the node's block clock
      } catch (InterruptedException e) {
        return;
      }
      answer = answer();
    }
  }

  private byte[] answer() {
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
            + rpc(4, block(height - 32, now - 32L * blockSeconds))
            + ","
            + rpc(5, block(height - 64, now - 64L * blockSeconds))
            + ","
            + rpc(6, "false")
            + ","
            + rpc(7, "\"0x32\"")
            + "]";
    byte[] b = body.getBytes(StandardCharsets.US_ASCII);
    byte[] h =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + b.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + b.length);
    System.arraycopy(b, 0, all, h.length, b.length);
    return all;
  }

  private static String rpc(int id, String result) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
  }

  /** Hashes derived from the height, parent hash = hash of the height before: no fork. */
  private static String block(long n, long time) {
    return "{\"number\":\"0x"
        + Long.toHexString(n)
        + "\",\"hash\":\""
        + hash(n)
        + "\",\"parentHash\":\""
        + hash(n - 1)
        + "\",\"timestamp\":\"0x"
        + Long.toHexString(time)
        + "\",\"gasUsed\":\"0x1c9c380\",\"transactions\":[]}";
  }

  private static String hash(long n) {
    return "0x" + "ab".repeat(28) + String.format("%016x", n);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        Thread t = new Thread(() -> serveCounted(socket), "rpc-peer-conn");
        connectionThreads.add(t);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serveCounted(Socket socket) {
    try {
      serve(socket);
    } finally {
      finishedCpuNanos.addAndGet(CPU.getCurrentThreadCpuTime());
      connectionThreads.remove(Thread.currentThread());
    }
  }

  private void serve(Socket socket) {
    connections.incrementAndGet();
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
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
        // Headers up to the blank line; the body is skipped by its length.
        while (!(n >= 4
            && buffer[n - 4] == '\r'
            && buffer[n - 3] == '\n'
            && buffer[n - 2] == '\r'
            && buffer[n - 1] == '\n')) {
          int c = in.read();
          if (c < 0 || n == buffer.length) {
            return;
          }
          buffer[n++] = (byte) c;
        }
        String head = new String(buffer, 0, n, StandardCharsets.US_ASCII);
        in.skipNBytes(Math.max(0, header(head, "content-length")));
        observer.answered(head, System.nanoTime() - start);
        out.write(answer);
        out.flush();
        requests.incrementAndGet();
      }
    } catch (IOException e) {
      // the client closed the connection
    } finally {
      connections.decrementAndGet();
    }
  }

  /** The numeric value of header {@code name} in a request head, or -1 when absent. */
  public static long header(String head, String name) {
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
