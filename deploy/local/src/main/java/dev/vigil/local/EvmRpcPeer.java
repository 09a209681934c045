package dev.vigil.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC node on loopback answering the EVM prober's batch ({@code eth_chainId}, {@code
 * eth_blockNumber}, three {@code eth_getBlockByNumber}, {@code eth_syncing}, {@code net_peerCount})
 * from prepared bytes, whatever the path: HTTP/1.1 keep-alive, one thread per connection. The head
 * advances one block a second with a fresh timestamp, so a provider probed against it is healthy
 * and the scanner does its whole work (parse, compare, rank, publish).
 */
final class EvmRpcPeer implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile byte[] answer;
  private final Thread refresher;

  private EvmRpcPeer(ServerSocket server) {
    this.server = server;
    this.answer = answer();
    Thread acceptor = new Thread(this::accept, "rpc-peer-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    refresher = new Thread(this::refresh, "rpc-peer-clock-" + server.getLocalPort());
    refresher.setDaemon(true);
    refresher.start();
  }

  static EvmRpcPeer start() throws IOException {
    return new EvmRpcPeer(new ServerSocket(0, 512, InetAddress.getLoopbackAddress()));
  }

  int port() {
    return server.getLocalPort();
  }

  /** Batches answered so far. */
  long requests() {
    return requests.get();
  }

  /** Keep-alive connections open now. */
  int connections() {
    return connections.get();
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
            + rpc(4, block(height - 32, now - 32))
            + ","
            + rpc(5, block(height - 64, now - 64))
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
        Thread t = new Thread(() -> serve(socket), "rpc-peer-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    connections.incrementAndGet();
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[16384];
      while (true) {
        int n = 0;
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
        in.skipNBytes(contentLength(new String(buffer, 0, n, StandardCharsets.US_ASCII)));
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

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    return 0;
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
