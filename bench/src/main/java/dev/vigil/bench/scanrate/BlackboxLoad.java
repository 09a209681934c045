package dev.vigil.bench.scanrate;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives blackbox_exporter the way Prometheus does, one {@code GET /probe} per probe, from {@code
 * concurrency} threads, each on its own keep-alive connection. A plain socket client, so the load
 * generator costs little of the CPU the exporter and the endpoint share. A probe counts only when
 * the exporter reports {@code probe_success 1}.
 */
final class BlackboxLoad {

  private final byte[] request;
  private final int exporterPort;
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private volatile String lastFailure;

  BlackboxLoad(int exporterPort, int endpointPort) {
    this.exporterPort = exporterPort;
    this.request =
        ("GET /probe?module="
                + Blackbox.MODULE
                + "&target=127.0.0.1:"
                + endpointPort
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: vigil-bench\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  void start(int concurrency) {
    for (int i = 0; i < concurrency; i++) {
      Thread t = new Thread(this::loop, "blackbox-load-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  long succeeded() {
    return succeeded.get();
  }

  long failed() {
    return failed.get();
  }

  String lastFailure() {
    return lastFailure;
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(15_000);
    }
  }

  private void loop() {
    while (running.get()) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), exporterPort)) {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        while (running.get()) {
          out.write(request);
          out.flush();
          String body = readResponse(in);
          if (body.contains("\nprobe_success 1")) {
            succeeded.incrementAndGet();
          } else {
            failed.incrementAndGet();
            lastFailure = body;
          }
        }
      } catch (IOException e) {
        if (running.get()) {
          failed.incrementAndGet();
          lastFailure = e.toString();
        }
      }
    }
  }

  /** The body of one HTTP/1.1 response: Content-Length or chunked, nothing else is needed. */
  private static String readResponse(InputStream in) throws IOException {
    long length = -1;
    boolean chunked = false;
    String status = line(in);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("exporter answered " + status);
    }
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
    if (chunked) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; ) {
        body.write(in.readNBytes(size));
        line(in);
        size = Integer.parseInt(line(in).trim(), 16);
      }
      line(in);
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    } else {
      throw new IOException("response without a length");
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }
}
