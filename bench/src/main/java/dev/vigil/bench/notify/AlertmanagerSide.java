package dev.vigil.bench.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Debian's prometheus-alertmanager on loopback (clustering off), fed through {@code POST
 * /api/v2/alerts} in batches of 100 from 16 clients, notifying the same webhook sink.
 */
final class AlertmanagerSide implements AutoCloseable {

  static final String BINARY = "/usr/bin/prometheus-alertmanager";
  static final int CLIENTS = 16;
  static final int BATCH = 100;

  private final Process process;
  private final String url;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  AlertmanagerSide(Path dir, int port, String webhookUrl) throws IOException, InterruptedException {
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(
        config,
        """
        route:
          receiver: bench
          group_by: ['...']
          group_wait: 0s
          group_interval: 1m
          repeat_interval: 4h
        receivers:
          - name: bench
            webhook_configs:
              - url: '%s'
                send_resolved: false
        """
            .formatted(webhookUrl));
    url = "http://127.0.0.1:" + port;
    process =
        new ProcessBuilder(
                BINARY,
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("alertmanager did not become ready");
  }

  /**
   * Posts alerts {@code from..to} in batches of 100 from 16 clients, paced to {@code rate} alerts/s
   * ({@code 0} = as fast as it accepts them).
   *
   * @param postedNanos filled with each alert's POST start time
   * @return accepted alerts per second
   */
  double feed(int from, int to, int rate, long[] postedNanos, String run)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger(from);
    AtomicLong accepted = new AtomicLong();
    long start = System.nanoTime();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  int first = next.getAndAdd(BATCH);
                  if (first >= to) {
                    return;
                  }
                  int last = Math.min(to, first + BATCH);
                  if (rate > 0) {
                    long due = start + (long) ((first - from) * 1e9 / rate);
                    while (System.nanoTime() < due) {
                      Thread.onSpinWait();
                    }
                  }
                  String body = batch(first, last, run);
                  long posted = System.nanoTime();
                  for (int i = first; i < last; i++) {
                    postedNanos[i] = posted;
                  }
                  try {
                    HttpResponse<Void> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                      accepted.addAndGet(last - first);
                    }
                  } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
      t.start();
      clients.add(t);
    }
    for (Thread t : clients) {
      t.join();
    }
    return accepted.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static String batch(int first, int last, String run) {
    String startsAt = Instant.now().toString();
    StringBuilder b = new StringBuilder("[");
    for (int i = first; i < last; i++) {
      if (i > first) {
        b.append(',');
      }
      b.append("{\"labels\":{\"alertname\":\"BenchAlert\",\"run\":\"")
          .append(run)
          .append("\",\"seq\":\"")
          .append(i)
          .append("\"},\"annotations\":{\"summary\":\"bench\"},\"startsAt\":\"")
          .append(startsAt)
          .append("\",\"generatorURL\":\"http://bench\"}");
    }
    return b.append(']').toString();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
