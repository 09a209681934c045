package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two alert-service replicas run the circuit breakers from one database and one consumer group; one
 * is killed with SIGKILL while alerts open hundreds of breaker scopes, and restarted. Every scope
 * opens (no change lost), and no scope is decided twice: each has exactly one change, sequence 1,
 * published under one {@code ce_id} (the outbox relay may resend an event after a crash, always
 * with the same id).
 */
class BreakerCrashIT {

  private static final String OPERATOR_PASSWORD = "breaker-crash-operator";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BEFORE = 150;
  private static final int DURING = 150;
  private static final int AFTER = 100;
  private static final String BREAKER = "crash-breaker";

  /** Scope → broker timestamp of the alert that opens it, for the latency figures. */
  private final Map<String, Long> publishedAt = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void aKilledReplicaLosesNoBreakerChangeAndDecidesNoneTwice() throws Exception {
    Path root = VigilLocal.projectRoot();
    Path logs = root.resolve("deploy/local/target/breaker-crash-logs");
    Path app = root.resolve("alert-service/target/quarkus-app");
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null)) {
      LocalPostgres.Database db = postgres.database("alert", UUID.randomUUID().toString());
      Map<String, String> env = ServiceProcess.env(kafka.bootstrapServers(), db, OPERATOR_PASSWORD);
      env.put("VIGIL_BREAKERS_SESSION_TIMEOUT_MS", "6000");
      env.put("VIGIL_BREAKERS_HEARTBEAT_MS", "1000");
      int base = FreePorts.consecutive(2);
      ServiceProcess a = ServiceProcess.start("breakers-a", app, base, env, logs);
      ServiceProcess b = ServiceProcess.start("breakers-b", app, base + 1, env, logs);
      try (KafkaConsumer<String, String> controls =
          KafkaClients.consumer(
              kafka.bootstrapServers(), "breaker-crash-it", "earliest", "vigil.risk-controls")) {
        a.awaitReady(Duration.ofSeconds(180));
        b.awaitReady(Duration.ofSeconds(180));
        define(a.url());
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> status(b.url() + "/api/v1/breakers/" + BREAKER) == 200);

        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        publish(kafka.bootstrapServers(), 0, BEFORE);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> KafkaClients.poll(controls, seen) >= 10);
        a.kill();
        publish(kafka.bootstrapServers(), BEFORE, BEFORE + DURING);
        ServiceProcess restarted = ServiceProcess.start("breakers-a2", app, base, env, logs);
        try {
          restarted.awaitReady(Duration.ofSeconds(180));
          publish(kafka.bootstrapServers(), BEFORE + DURING, BEFORE + DURING + AFTER);
          int total = BEFORE + DURING + AFTER;
          await()
              .atMost(Duration.ofSeconds(180))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> scopes(KafkaClients.poll(controls, seen), seen).size() >= total);
          // Give a duplicate decision the chance to show up before judging.
          await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
          KafkaClients.poll(controls, seen);
        } finally {
          restarted.close();
        }

        Map<String, Set<String>> idsByScope = new HashMap<>();
        Map<String, Set<Long>> sequencesByScope = new HashMap<>();
        for (ConsumerRecord<String, String> r : seen) {
          JsonNode e = JSON.readTree(r.value());
          if (BREAKER.equals(e.path("breakerId").asText())) {
            idsByScope
                .computeIfAbsent(r.key(), k -> new HashSet<>())
                .add(KafkaClients.header(r, "ce_id"));
            sequencesByScope
                .computeIfAbsent(r.key(), k -> new HashSet<>())
                .add(e.path("sequence").asLong());
            assertThat(e.path("state").asText()).isEqualTo("OPEN");
          }
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < total(); i++) {
          expected.add("svc:crash-" + i);
        }
        System.out.printf(
            "[breaker-crash] %d records for %d scopes%n", seen.size(), idsByScope.size());
        printLatency("after the restart, two replicas", seen, BEFORE + DURING, total());
        assertThat(idsByScope.keySet()).as("every scope opened").isEqualTo(expected);
        assertThat(idsByScope.values())
            .as("each change published under one ce_id")
            .allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(sequencesByScope.values())
            .as("each scope decided once")
            .allSatisfy(seqs -> assertThat(seqs).containsExactly(1L));
      } finally {
        a.close();
        b.close();
      }
    }
  }

  /** Alert published → RiskControlChanged on the topic, per scope of {@code [from, to)}. */
  private void printLatency(
      String phase, List<ConsumerRecord<String, String>> seen, int from, int to) {
    Map<String, Long> firstChange = new HashMap<>();
    seen.forEach(r -> firstChange.merge(r.key(), r.timestamp(), Math::min));
    List<Long> millis = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String scope = "svc:crash-" + i;
      if (firstChange.containsKey(scope) && publishedAt.containsKey(scope)) {
        millis.add(firstChange.get(scope) - publishedAt.get(scope));
      }
    }
    millis.sort(null);
    if (!millis.isEmpty()) {
      System.out.printf(
          "[breaker-crash] alert -> RiskControlChanged, %s: n=%d p50=%d ms p99=%d ms max=%d ms%n",
          phase,
          millis.size(),
          millis.get(millis.size() / 2),
          millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1)),
          millis.get(millis.size() - 1));
    }
  }

  private static int total() {
    return BEFORE + DURING + AFTER;
  }

  private static Set<String> scopes(int ignored, List<ConsumerRecord<String, String>> seen) {
    Set<String> scopes = new HashSet<>();
    seen.forEach(r -> scopes.add(r.key()));
    return scopes;
  }

  private static void define(String url) throws Exception {
    String yaml =
        """
        name: crash-breaker
        scope: "svc:{{ seq }}"
        matchers: ['alertname="BreakerCrashTest"']
        min_open: 1h
        actions: [pause-deposits]
        """;
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/breakers/crash-breaker"))
                    .header("Content-Type", "text/plain")
                    .header(
                        "Authorization", ServiceProcess.basicAuth("operator", OPERATOR_PASSWORD))
                    .PUT(HttpRequest.BodyPublishers.ofString(yaml))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** One firing alert per scope {@code svc:crash-<i>}, i in {@code [from, to)}. */
  private void publish(String bootstrap, int from, int to) {
    try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap)) {
      for (int i = from; i < to; i++) {
        String fp = "brk-crash-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
        ProducerRecord<String, String> r =
            CrashTestAlerts.fired(fp, "BreakerCrashTest", "CRITICAL", "crash-" + i, Instant.now());
        String scope = "svc:crash-" + i;
        producer.send(
            r,
            (meta, e) -> {
              if (meta != null) {
                publishedAt.put(scope, meta.timestamp());
              }
            });
      }
      producer.flush();
    }
  }
}
