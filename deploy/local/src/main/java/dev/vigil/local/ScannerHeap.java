package dev.vigil.local;

import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Heap of one whole scanner-service replica (the packaged {@code quarkus-run.jar}, with {@code
 * -Xmx512m}) owning N targets. Starts embedded Kafka and PostgreSQL, the scanner, produces N target
 * definitions on the targets topic as another system would, waits until the replica owns them all
 * ({@code vigil_scanner_owned_targets}) and until their first scans are done, forces a full GC with
 * {@code jcmd GC.run} and reads the heap in use.
 *
 * <p>Run after {@code ./mvnw -DskipTests install}: {@code java -cp
 * deploy/local/target/vigil-local.jar dev.vigil.local.ScannerHeap 100000}. The targets point at
 * refused loopback ports with the longest interval (7 days), so after one round of scans (each
 * unreachable, published and recorded like any other) the replica is idle.
 *
 * <p>A third argument {@code rest} sends the same targets as CSV bulk imports of 10,000 rows
 * instead, each request timed: {@code ScannerHeap 5000 512m rest}. Either way the log says how long
 * the replica took to own them all (the intake rate).
 */
public final class ScannerHeap {

  private static final Pattern GAUGE =
      Pattern.compile("(?m)^vigil_scanner_owned_targets(?:\\{[^}]*})? ([0-9.eE+]+)$");
  private static final Pattern SCANS =
      Pattern.compile("(?m)^vigil_scans_total\\{[^}]*} ([0-9.eE+]+)$");
  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+]+)$");

  private ScannerHeap() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String maxHeap = args.length > 1 ? args[1] : "512m";
    // "topic" (default): another system publishes the definitions; "rest": CSV bulk imports.
    boolean viaRest = args.length > 2 && args[2].equals("rest");
    Path root = Path.of("").toAbsolutePath();
    Path work = Files.createTempDirectory("vigil-scanner-heap");
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"))) {
      LocalPostgres.Database db = postgres.database("scanner", UUID.randomUUID().toString());
      String password = UUID.randomUUID().toString();
      try (ServiceProcess scanner =
          ServiceProcess.benchScanner(
              root, kafka.bootstrapServers(), db, password, work.resolve("logs"), maxHeap)) {
        log("scanner log: %s", scanner.log());
        awaitMetric(scanner, GAUGE, 0, Duration.ofMinutes(3));
        log("scanner up (pid %d, -Xmx%s)", scanner.pid(), maxHeap);
        report("no targets yet", scanner);
        log("producing %,d targets", count);
        long t0 = System.nanoTime();
        if (viaRest) {
          importCsv(scanner.url() + "/api/v1/targets/import", password, count);
        } else {
          produce(kafka.bootstrapServers(), count);
        }
        log("definitions handed over after %.1f s", (System.nanoTime() - t0) / 1e9);
        awaitMetric(scanner, GAUGE, count, Duration.ofMinutes(30));
        log("owns %,d targets after %.0f s", count, (System.nanoTime() - t0) / 1e9);
        report("all targets owned", scanner);
        awaitMetric(scanner, SCANS, count, Duration.ofMinutes(30));
        log("first scans of all targets done after %.0f s", (System.nanoTime() - t0) / 1e9);
        report("first round of scans done", scanner);
      }
    }
  }

  /** N definitions, as a CMDB sync would publish them: CloudEvents keyed by target id. */
  private static void produce(String bootstrap, int count) {
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(
            bootstrap,
            Map.of(
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"))) {
      for (int i = 0; i < count; i++) {
        String id = String.format("heap-%06d", i);
        // Refused ports on loopback: each scan fails fast. Three labels, as most users set.
        String json =
            ("{\"targetId\":\"%s\",\"kind\":\"TLS_ENDPOINT\",\"host\":\"127.0.0.1\",\"port\":%d,"
                    + "\"serverName\":\"service-%d.payments.example.com\","
                    + "\"labels\":{\"team\":\"team-%d\",\"env\":\"%s\",\"service\":\"svc-%d\"},"
                    + "\"intervalSeconds\":604800,"
                    + "\"registeredAt\":\"2026-11-25T00:00:00Z\",\"registeredBy\":\"heap-bench\"}")
                .formatted(id, 1 + i % 1000, i, i % 50, i % 3 == 0 ? "prod" : "staging", i % 500);
        producer.send(
            KafkaClients.cloudEvent(
                "vigil.scan-targets",
                id,
                json,
                UUID.randomUUID().toString(),
                "dev.vigil.scantarget.registered.v1",
                "/heap-bench",
                null));
      }
      producer.flush();
    }
  }

  /** The same targets as {@link #produce}, as CSV bulk imports of 10,000 rows, timed. */
  private static void importCsv(String url, String password, int count) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String auth = ServiceProcess.basicAuth("operator", password);
    for (int from = 0; from < count; from += 10_000) {
      StringBuilder csv = new StringBuilder("host,port,serverName,intervalSeconds,labels\n");
      for (int i = from; i < Math.min(count, from + 10_000); i++) {
        csv.append(
            "127.0.0.1,%d,service-%d.payments.example.com,604800,team=team-%d;env=%s;service=svc-%d\n"
                .formatted(1 + i % 1000, i, i % 50, i % 3 == 0 ? "prod" : "staging", i % 500));
      }
      long t0 = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofMinutes(30))
                  .header("Content-Type", "text/csv")
                  .header("Authorization", auth)
                  .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "import answered " + response.statusCode() + ": " + response.body());
      }
      int rows = Math.min(count, from + 10_000) - from;
      log("  imported %,d rows in %.1f s (%.0f targets/s)", rows, seconds, rows / seconds);
    }
  }

  private static void report(String when, ServiceProcess scanner) throws Exception {
    scanner.jcmd("GC.run");
    String heapInfo = scanner.jcmd("GC.heap_info");
    double heap = ServiceProcess.sum(HEAP, scanner.metrics());
    log("%s: heap used after GC.run %.1f MB (jvm_memory_used_bytes{area=heap})", when, heap / 1e6);
    System.out.println("jcmd GC.heap_info (" + when + "):\n" + heapInfo);
    System.out.println("process RSS: " + scanner.rss());
  }

  private static void awaitMetric(
      ServiceProcess scanner, Pattern metric, double atLeast, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    double last = -1;
    while (System.nanoTime() < end) {
      if (!scanner.isAlive()) {
        throw new IllegalStateException("scanner exited; see " + scanner.log());
      }
      try {
        String body = scanner.metrics();
        if (metric.matcher(body).find()) {
          double value = ServiceProcess.sum(metric, body);
          if (value >= atLeast) {
            return;
          }
          if (value != last) {
            log("  %s %.0f", metric.pattern().substring(3, 30), value);
            last = value;
          }
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(2_000);
    }
    throw new IllegalStateException("timed out waiting for " + metric.pattern() + " >= " + atLeast);
  }

  private static void log(String format, Object... args) {
    System.err.printf("[scanner-heap] " + format + "%n", args);
  }
}
