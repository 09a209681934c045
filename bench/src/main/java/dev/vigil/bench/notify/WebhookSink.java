package dev.vigil.bench.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A webhook receiver on loopback that timestamps every alert it is told about. Alerts carry a
 * {@code seq} label; {@link #arrivedNanos} holds the {@code System.nanoTime()} of the first arrival
 * of each, so latency is measured on one clock in one JVM.
 */
final class WebhookSink implements AutoCloseable {

  private static final byte[] SEQ = "\"seq\":\"".getBytes(StandardCharsets.US_ASCII);

  final AtomicLongArray arrivedNanos;
  final AtomicInteger arrived = new AtomicInteger();
  final AtomicInteger duplicates = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  private final HttpServer server;

  WebhookSink(int capacity) throws IOException {
    arrivedNanos = new AtomicLongArray(capacity);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.incrementAndGet();
    // A payload names an alert's labels more than once (groupLabels, commonLabels, alerts[]).
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = indexOf(body, 0); i >= 0; i = indexOf(body, i)) {
      int seq = 0;
      int j = i;
      while (j < body.length && body[j] != '"') {
        seq = seq * 10 + (body[j++] - '0');
      }
      if (!seen.add(seq)) {
        i = j;
        continue;
      }
      if (seq < arrivedNanos.length() && arrivedNanos.compareAndSet(seq, 0, now)) {
        arrived.incrementAndGet();
      } else {
        duplicates.incrementAndGet();
      }
      i = j;
    }
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  /** Index just after the next {@code "seq":"} at or after {@code from}, or -1. */
  private static int indexOf(byte[] body, int from) {
    outer:
    for (int i = from; i <= body.length - SEQ.length; i++) {
      for (int k = 0; k < SEQ.length; k++) {
        if (body[i + k] != SEQ[k]) {
          continue outer;
        }
      }
      return i + SEQ.length;
    }
    return -1;
  }

  void reset() {
    for (int i = 0; i < arrivedNanos.length(); i++) {
      arrivedNanos.set(i, 0);
    }
    arrived.set(0);
    duplicates.set(0);
    requests.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
