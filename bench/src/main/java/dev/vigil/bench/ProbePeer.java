package dev.vigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC peer answering the EVM prober's batch instantly: HTTP/1.1 keep-alive, one thread per
 * connection, the answer prepared in advance and refreshed every second (fresh block time).
 */
final class ProbePeer implements AutoCloseable {
  final Map<Long, Long> handling = new ConcurrentHashMap<>();

  /** CPU time of this peer's finished and running connection threads. */
  static final java.util.Set<Thread> THREADS = ConcurrentHashMap.newKeySet();

  static final AtomicLong FINISHED_CPU = new AtomicLong();
  private final ServerSocket server;
  private volatile byte[] answer;
  private final Thread refresher;

  ProbePeer() throws IOException {
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
                    FINISHED_CPU.addAndGet(
                        java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime());
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
        long seq = header(head, ProbeRateBenchmark.SEQ.toLowerCase());
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
