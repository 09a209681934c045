package dev.vigil.bench.notify;

import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Time from publishing {@code AlertFired} on Kafka to the webhook receiving the notification,
 * through the real alert-service (child process, real Kafka, real PostgreSQL), and the same for
 * Alertmanager fed over its HTTP API. Every alert is its own group ({@code group_by: ['...']},
 * {@code group_wait: 0s}) on both sides.
 *
 * <p>Run after {@code ./mvnw -o -pl bench,deploy/local -am package -DskipTests}:
 *
 * <pre>
 * java -cp bench/target/classes:deploy/local/target/vigil-local.jar \
 *     dev.vigil.bench.notify.NotifyLatencyBench [rate=5000] [seconds=20] [both|vigil]
 * </pre>
 *
 * <p>{@code vigil} skips the Alertmanager side (for profiling runs); {@code BENCH_SERVICE_JVM_OPTS}
 * adds JVM options to the alert-service child (e.g. {@code -XX:StartFlightRecording=...}), {@code
 * BENCH_SERVICE_JAR} runs another build of it (before/after comparisons). CPU per notification is
 * read from {@code /proc} for the service, PostgreSQL and Alertmanager.
 */
public final class NotifyLatencyBench {

  private NotifyLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    boolean withAlertmanager = args.length < 3 || !args[2].equals("vigil");
    int warmup = 5_000;
    int measured = rate * seconds;
    int amMax = 200_000;
    int total = warmup + 2 * measured + amMax;
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path dir = Files.createTempDirectory("vigil-notify-bench-");
    long[] published = new long[total];
    System.out.printf(
        "machine: %d cores, %s, load average %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        loadAverage());
    try (WebhookSink sink = new WebhookSink(total);
        LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null)) {
      if (withAlertmanager) {
        runAlertmanager(dir, sink, warmup, measured, amMax, rate, seconds, published, run);
      }
      LocalPostgres.Database db = postgres.database("alert", "bench-" + run);
      Path config = dir.resolve("notify.yml");
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
              webhook_configs: [{url: '%s', send_resolved: false}]
          """
              .formatted(sink.url("/vigil")));
      int port = freePort();
      Process service = startService(dir, port, kafka.bootstrapServers(), db, config);
      try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
        awaitReady(port);
        System.out.println("alert-service ready; warming up");
        publish(producer, 0, warmup, 1000, published, run);
        awaitArrivals(sink, 0, warmup, Duration.ofSeconds(60));
        System.out.println("warm-up: " + Latencies.of(published, sink.arrivedNanos, 0, warmup));
        String before = loadAverage();
        long pg = CpuMeter.postmaster(postgres.port());
        double serviceCpu = CpuMeter.cpuSeconds(service.pid());
        double pgCpu = CpuMeter.cpuSeconds(pg);
        double achieved = publish(producer, warmup, warmup + measured, rate, published, run);
        awaitArrivals(sink, warmup, warmup + measured, Duration.ofSeconds(60));
        Latencies l = Latencies.of(published, sink.arrivedNanos, warmup, warmup + measured);
        System.out.printf(
            "Vigil %,d events/s offered (%.0f achieved) for %d s: %s; duplicates %d; load %s -> %s%n",
            rate, achieved, seconds, l, sink.duplicates.get(), before, loadAverage());
        System.out.printf(
            "Vigil CPU per notification: service %.0f us, PostgreSQL %.0f us%s%n",
            (CpuMeter.cpuSeconds(service.pid()) - serviceCpu) * 1e6 / Math.max(1, l.arrived()),
            (CpuMeter.cpuSeconds(pg) - pgCpu) * 1e6 / Math.max(1, l.arrived()),
            pg < 0 ? " (postmaster not found)" : "");
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
  }

  private static void runAlertmanager(
      Path dir,
      WebhookSink sink,
      int warmup,
      int measured,
      int amMax,
      int rate,
      int seconds,
      long[] published,
      String run)
      throws IOException, InterruptedException {
    try (AlertmanagerSide am = new AlertmanagerSide(dir, freePort(), sink.url("/am"))) {
      int from = warmup + measured;
      String before = loadAverage();
      double cpu = CpuMeter.cpuSeconds(am.pid());
      double accepted = am.feed(from, from + measured, rate, published, run);
      awaitArrivals(sink, from, from + measured, Duration.ofSeconds(60));
      Latencies l = Latencies.of(published, sink.arrivedNanos, from, from + measured);
      System.out.printf(
          "Alertmanager %,d alerts/s offered (%.0f accepted) for %d s: %s; load %s -> %s;"
              + " CPU per notification %.0f us%n",
          rate,
          accepted,
          seconds,
          l,
          before,
          loadAverage(),
          (CpuMeter.cpuSeconds(am.pid()) - cpu) * 1e6 / Math.max(1, l.arrived()));
      int maxFrom = from + measured;
      double max = am.feed(maxFrom, maxFrom + amMax, 0, published, run);
      awaitArrivals(sink, maxFrom, maxFrom + amMax, Duration.ofSeconds(60));
      System.out.printf(
          "Alertmanager unpaced, 16 clients x 100: %.0f alerts/s accepted; %s%n",
          max, Latencies.of(published, sink.arrivedNanos, maxFrom, maxFrom + amMax));
    }
  }

  private static Process startService(
      Path dir, int port, String bootstrap, LocalPostgres.Database db, Path config)
      throws IOException {
    Path app =
        Path.of(
                System.getenv()
                    .getOrDefault(
                        "BENCH_SERVICE_JAR", "alert-service/target/quarkus-app/quarkus-run.jar"))
            .toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    String extra = System.getenv("BENCH_SERVICE_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(app.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alert-service.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("VIGIL_DB_URL", db.jdbcUrl());
    env.put("VIGIL_DB_USER", db.username());
    env.put("VIGIL_DB_PASSWORD", db.password());
    env.put("VIGIL_OPERATOR_PASSWORD", "local-operator-" + ProcessHandle.current().pid());
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("VIGIL_ALERT_NOTIFY_CONFIG", config.toString());
    env.put("QUARKUS_LOG_LEVEL", "WARN");
    System.out.println("alert-service log: " + dir.resolve("alert-service.log"));
    return pb.start();
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    return new KafkaProducer<>(p);
  }

  /** Publishes alerts {@code from..to} paced to {@code rate}/s; returns the achieved rate. */
  private static double publish(
      KafkaProducer<String, String> producer,
      int from,
      int to,
      int rate,
      long[] published,
      String run) {
    long start = System.nanoTime();
    for (int i = from; i < to; i++) {
      long due = start + (long) ((i - from) * 1e9 / rate);
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      String fp = run + "-" + i;
      String now = Instant.now().toString();
      String json =
          "{\"fingerprint\":\""
              + fp
              + "\",\"alertName\":\"BenchAlert\",\"severity\":\"WARNING\","
              + "\"labels\":{\"alertname\":\"BenchAlert\",\"run\":\""
              + run
              + "\",\"seq\":\""
              + i
              + "\"},"
              + "\"annotations\":{\"summary\":\"bench\"},\"groupKey\":\"g\",\"startsAt\":\""
              + now
              + "\",\"firedAt\":\""
              + now
              + "\"}";
      ProducerRecord<String, String> record = new ProducerRecord<>("vigil.alerts", fp, json);
      header(record, "ce_specversion", "1.0");
      header(record, "ce_id", UUID.randomUUID().toString());
      header(record, "ce_source", "/vigil/bench");
      header(record, "ce_type", "dev.vigil.alert.fired.v1");
      header(record, "ce_time", now);
      header(record, "content-type", "application/json");
      published[i] = System.nanoTime();
      producer.send(record);
    }
    producer.flush();
    return (to - from) / ((System.nanoTime() - start) / 1e9);
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  private static void awaitArrivals(WebhookSink sink, int from, int to, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      int n = 0;
      for (int i = from; i < to; i++) {
        if (sink.arrivedNanos.get(i) != 0) {
          n++;
        }
      }
      if (n == to - from) {
        return;
      }
      Thread.sleep(200);
    }
    System.out.println("(timed out waiting for all notifications)");
  }

  private static void awaitReady(int port) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("alert-service did not become ready");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
