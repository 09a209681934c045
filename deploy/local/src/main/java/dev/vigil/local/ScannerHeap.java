package dev.vigil.local;

import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

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
    Path runJar = root.resolve("scanner-service/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(runJar)) {
      throw new IllegalStateException(runJar + " missing: ./mvnw -DskipTests install first");
    }
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"))) {
      LocalPostgres.Database db = postgres.database("scanner", UUID.randomUUID().toString());
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      String password = UUID.randomUUID().toString();
      Process scanner =
          startScanner(
              runJar, maxHeap, port, kafka.bootstrapServers(), db, work.resolve("log"), password);
      try {
        String metrics = "http://127.0.0.1:" + port + "/q/metrics";
        awaitMetric(metrics, GAUGE, 0, Duration.ofMinutes(3), scanner);
        log("scanner up (pid %d, -Xmx%s)", scanner.pid(), maxHeap);
        report("no targets yet", scanner, metrics);
        log("producing %,d targets", count);
        long t0 = System.nanoTime();
        if (viaRest) {
          importCsv("http://127.0.0.1:" + port + "/api/v1/targets/import", password, count);
        } else {
          produce(kafka.bootstrapServers(), count);
        }
        log("definitions handed over after %.1f s", (System.nanoTime() - t0) / 1e9);
        awaitMetric(metrics, GAUGE, count, Duration.ofMinutes(30), scanner);
        log("owns %,d targets after %.0f s", count, (System.nanoTime() - t0) / 1e9);
        report("all targets owned", scanner, metrics);
        awaitMetric(metrics, SCANS, count, Duration.ofMinutes(30), scanner);
        log("first scans of all targets done after %.0f s", (System.nanoTime() - t0) / 1e9);
        report("first round of scans done", scanner, metrics);
      } finally {
        scanner.destroy();
        scanner.waitFor(20, TimeUnit.SECONDS);
        scanner.destroyForcibly();
      }
    }
  }

  private static Process startScanner(
      Path runJar,
      String maxHeap,
      int port,
      String bootstrap,
      LocalPostgres.Database db,
      Path log,
      String password)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-jar",
                runJar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("VIGIL_DB_URL", db.jdbcUrl());
    env.put("VIGIL_DB_USER", db.username());
    env.put("VIGIL_DB_PASSWORD", db.password());
    env.put("VIGIL_OPERATOR_PASSWORD", password);
    log("scanner log: %s", log);
    return builder.start();
  }

  /** N definitions, as a CMDB sync would publish them: CloudEvents keyed by target id. */
  private static void produce(String bootstrap, int count) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
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
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", UUID.randomUUID().toString());
        header(headers, "ce_source", "/heap-bench");
        header(headers, "ce_type", "dev.vigil.scantarget.registered.v1");
        header(headers, "content-type", "application/json");
        producer.send(new ProducerRecord<>("vigil.scan-targets", null, id, json, headers));
      }
      producer.flush();
    }
  }

  /** The same targets as {@link #produce}, as CSV bulk imports of 10,000 rows, timed. */
  private static void importCsv(String url, String password, int count) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String auth =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
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

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void report(String when, Process scanner, String metrics) throws Exception {
    String pid = Long.toString(scanner.pid());
    jcmd(pid, "GC.run");
    String heapInfo = jcmd(pid, "GC.heap_info");
    double heap = sum(HEAP, get(metrics));
    log("%s: heap used after GC.run %.1f MB (jvm_memory_used_bytes{area=heap})", when, heap / 1e6);
    System.out.println("jcmd GC.heap_info (" + when + "):\n" + heapInfo);
    System.out.println(
        "process RSS: "
            + Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS"))
                .findFirst()
                .orElse("unknown"));
  }

  private static String jcmd(String pid, String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static void awaitMetric(
      String url, Pattern metric, double atLeast, Duration timeout, Process scanner)
      throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    double last = -1;
    while (System.nanoTime() < end) {
      if (!scanner.isAlive()) {
        throw new IllegalStateException("scanner exited with " + scanner.exitValue());
      }
      try {
        String body = get(url);
        if (metric.matcher(body).find()) {
          double value = sum(metric, body);
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

  private static double sum(Pattern metric, String body) {
    Matcher m = metric.matcher(body);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void log(String format, Object... args) {
    System.err.printf("[scanner-heap] " + format + "%n", args);
  }
}
