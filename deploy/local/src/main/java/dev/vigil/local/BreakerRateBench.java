package dev.vigil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Circuit-breaker decisions end to end on this machine: a real Kafka broker, a real PostgreSQL and
 * the packaged alert-service as a child process, with one breaker from a breaker file. Publishes
 * {@code AlertFired} events on {@code vigil.alerts}, each for a new scope, and measures scope
 * decisions per second (alerts published to the last {@code RiskControlChanged} on the topic), the
 * latency from publishing an alert to its scope's {@code RiskControlChanged}, and the service's CPU
 * time per decision (the whole process: the notifier reads the same alerts).
 *
 * <p>{@code java -cp deploy/local/target/vigil-local.jar dev.vigil.local.BreakerRateBench [alerts]
 * [alerts-per-second]} after {@code ./mvnw -DskipTests install}; rate 0 (default) = a burst.
 */
public final class BreakerRateBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BreakerRateBench() {}

  public static void main(String[] args) throws Exception {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Path root = VigilLocal.projectRoot();
    Path breakers = Files.createTempDirectory("vigil-bench-breakers");
    Files.writeString(
        breakers.resolve("bench.yaml"),
        String.join(
            "\n",
            "breakers:",
            "  - name: bench",
            "    scope: 'bench:{{ service }}'",
            "    matchers: ['alertname=\"BenchBreakerAlert\"']",
            "    min_open: 1h",
            "    actions: [pause-deposits]",
            ""));
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null)) {
      LocalPostgres.Database db = postgres.database("alert", UUID.randomUUID().toString());
      Map<String, String> env =
          ServiceProcess.env(
              kafka.bootstrapServers(), db, "local-operator-" + ProcessHandle.current().pid());
      env.put("VIGIL_BREAKERS_DIR", breakers.toString());
      env.put("QUARKUS_LOG_LEVEL", "WARN");
      ServiceProcess service =
          ServiceProcess.start(
              "alert-service",
              root.resolve("alert-service/target/quarkus-app"),
              ServiceProcess.freePort(),
              env,
              root.resolve("deploy/local/target/bench-logs"));
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicLong lastEvent = new AtomicLong();
      AtomicBoolean running = new AtomicBoolean(true);
      try {
        service.awaitReady(Duration.ofSeconds(180));
        Thread watcher =
            watchControls(kafka.bootstrapServers(), sentAt, latencies, lastEvent, running);
        int warmUp = Math.min(alerts, 500);
        System.out.printf("warm-up: %,d alerts%n", warmUp);
        publishAndWait(kafka.bootstrapServers(), "w", warmUp, 0, sentAt, latencies);
        latencies.clear();
        String load0 = ProcessCpu.loadAverage();
        Duration cpu0 = service.cpuTime();
        System.out.printf("measured: %,d alerts, %s%n", alerts, rate == 0 ? "burst" : rate + "/s");
        long start = System.currentTimeMillis();
        publishAndWait(kafka.bootstrapServers(), "m", alerts, rate, sentAt, latencies);
        Duration cpu = service.cpuTime().minus(cpu0);
        String load1 = ProcessCpu.loadAverage();
        running.set(false);
        watcher.join();
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(Long::compare);
        double seconds = (lastEvent.get() - start) / 1000.0;
        System.out.printf(
            "%,d scope decisions in %.1f s: %,.0f decisions/s; alert->RiskControlChanged p50 %d"
                + " ms, p99 %d ms, max %d ms; alert-service CPU %.2f ms per decision (%.1f s);"
                + " load average before %s, after %s%n",
            sorted.size(),
            seconds,
            sorted.size() / seconds,
            sorted.get(sorted.size() / 2),
            sorted.get((int) (sorted.size() * 0.99)),
            sorted.get(sorted.size() - 1),
            cpu.toNanos() / 1e6 / sorted.size(),
            cpu.toMillis() / 1000.0,
            load0,
            load1);
      } finally {
        running.set(false);
        service.close();
      }
    }
  }

  /** Publishes one {@code AlertFired} per new scope, then waits for every scope's decision. */
  static void publishAndWait(
      String bootstrap,
      String prefix,
      int alerts,
      int rate,
      Map<String, Long> sentAt,
      List<Long> latencies)
      throws Exception {
    String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    int before = latencies.size();
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(
            bootstrap,
            Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5"))) {
      for (int i = 0; i < alerts; i++) {
        String service = run + i;
        String fingerprint = UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        String fired =
            "{\"fingerprint\":\""
                + fingerprint
                + "\",\"alertName\":\"BenchBreakerAlert\",\"severity\":\"CRITICAL\","
                + "\"labels\":{\"alertname\":\"BenchBreakerAlert\",\"service\":\""
                + service
                + "\"},\"annotations\":{},\"groupKey\":\"bench\",\"startsAt\":\""
                + now
                + "\",\"firedAt\":\""
                + now
                + "\"}";
        sentAt.put("bench:" + service, System.currentTimeMillis());
        producer.send(
            KafkaClients.cloudEvent(
                "vigil.alerts",
                fingerprint,
                fired,
                UUID.randomUUID().toString(),
                "dev.vigil.alert.fired.v1",
                "/bench",
                now));
        KafkaClients.pace(start, i, rate);
      }
      producer.flush();
    }
    long lastProgress = System.nanoTime();
    int seen = latencies.size();
    while (latencies.size() - before < alerts) {
      Thread.sleep(100); // a benchmark driver, not a test: plain polling
      if (latencies.size() != seen) {
        seen = latencies.size();
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos()) {
        throw new IllegalStateException(
            "no decision for 60 s at " + (seen - before) + " of " + alerts);
      }
    }
  }

  static Thread watchControls(
      String bootstrap,
      Map<String, Long> sentAt,
      List<Long> latencies,
      AtomicLong lastEvent,
      AtomicBoolean running) {
    return KafkaClients.watch(
        bootstrap,
        "vigil.risk-controls",
        "risk-controls-watcher",
        running,
        r -> {
          Long sent = r.key() == null ? null : sentAt.remove(r.key());
          if (sent != null && opened(r.value())) {
            lastEvent.accumulateAndGet(r.timestamp(), Math::max);
            latencies.add(r.timestamp() - sent);
          }
        });
  }

  private static boolean opened(String value) {
    try {
      JsonNode event = JSON.readTree(value);
      return "OPEN".equals(event.path("state").asText());
    } catch (Exception e) {
      return false;
    }
  }
}
