package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two scanner replicas against one broker share the targets by partition: each target is scanned by
 * exactly one replica, both replicas get work, and when one dies its targets move to the other.
 */
class ScannerScaleOutIT {

  private static final String PASSWORD = "scale-out-test";
  private static final int TARGETS = 40;
  private static final Map<String, String> FAST_FAILOVER =
      Map.of("VIGIL_SCANNER_SESSION_TIMEOUT_MS", "6000", "VIGIL_SCANNER_HEARTBEAT_MS", "1000");
  private static LocalSystem system;

  @BeforeAll
  static void startVigil() {
    Path root = VigilLocal.projectRoot();
    Map<String, String> env = new HashMap<>(FAST_FAILOVER);
    env.put("VIGIL_OPERATOR_PASSWORD", PASSWORD);
    env.put("VIGIL_SCANNER_INSTANCE_ID", "replica-a");
    system =
        LocalSystem.start(
            new LocalSystem.Options(
                root,
                FreePorts.consecutive(3),
                Duration.ofSeconds(2),
                null,
                root.resolve("deploy/local/target/scale-out-logs"),
                env),
            line -> System.out.println("[scale-out] " + line));
  }

  @AfterAll
  static void stopVigil() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void targetsAreSharedByReplicasAndMoveWhenOneDies() throws Exception {
    TestPki pki = TestPki.create("Scale-out CA");
    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(pki.issueExpiringIn("localhost", 60));
        KafkaCompanion kafka = new KafkaCompanion(system.kafkaBootstrapServers());
        ConsumerTask<String, String> scans =
            kafka.consumeStrings().fromTopics("vigil.certificate-scans")) {
      ServiceProcess replicaB =
          system.startReplica(
              "scanner-service",
              FreePorts.consecutive(1),
              Map.of("VIGIL_SCANNER_INSTANCE_ID", "replica-b"));
      try {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < TARGETS; i++) {
          ids.add(register(endpoint.port()));
        }

        // Wait until every target is scanned, then look at a settled window of scans.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> scannersByTarget(scans.getRecords(), 0).keySet().containsAll(ids));
        int settled = scans.getRecords().size();
        await().atMost(Duration.ofSeconds(30)).until(() -> coversAll(scans, settled, ids, 2));
        Map<String, Set<String>> window = scannersByTarget(scans.getRecords(), settled);
        assertThat(window.values()).allSatisfy(owners -> assertThat(owners).hasSize(1));
        Set<String> replicas = new HashSet<>();
        window.values().forEach(replicas::addAll);
        assertThat(replicas)
            .as("both replicas own targets")
            .containsExactlyInAnyOrder(
                "/vigil/scanner-service/replica-a", "/vigil/scanner-service/replica-b");

        replicaB.kill();

        // After the session timeout, replica A owns every target.
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  int from = Math.max(0, scans.getRecords().size() - TARGETS * 2);
                  Map<String, Set<String>> recent = scannersByTarget(scans.getRecords(), from);
                  return recent.keySet().containsAll(ids)
                      && ids.stream()
                          .allMatch(
                              id -> recent.get(id).contains("/vigil/scanner-service/replica-a"));
                });
      } finally {
        replicaB.close();
      }
    }
  }

  /** Whether, since record {@code from}, every target has at least {@code rounds} scans. */
  private static boolean coversAll(
      ConsumerTask<String, String> scans, int from, Set<String> ids, int rounds) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>(scans.getRecords());
    Map<String, Integer> counts = new HashMap<>();
    for (ConsumerRecord<String, String> r : records.subList(from, records.size())) {
      counts.merge(r.key(), 1, Integer::sum);
    }
    return ids.stream().allMatch(id -> counts.getOrDefault(id, 0) >= rounds);
  }

  private static Map<String, Set<String>> scannersByTarget(
      List<ConsumerRecord<String, String>> all, int from) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>(all);
    Map<String, Set<String>> owners = new HashMap<>();
    for (ConsumerRecord<String, String> r : records.subList(from, records.size())) {
      String source =
          new String(r.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8);
      owners.computeIfAbsent(r.key(), k -> new HashSet<>()).add(source);
    }
    return owners;
  }

  private static String register(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(system.url("scanner-service") + "/api/v1/targets"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", ServiceProcess.basicAuth("operator", PASSWORD))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"host\":\"localhost\",\"port\":" + port + "}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(response.body())
        .get("id")
        .asText();
  }
}
