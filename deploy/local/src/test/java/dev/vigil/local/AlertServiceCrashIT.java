package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Two alert-service replicas share the scans by Kafka partition; one is killed with SIGKILL in the
 * middle of the stream and started again: every alert that should fire fires, and none is announced
 * twice (the relay may re-send an event after a crash, but always with the same {@code ce_id},
 * which consumers deduplicate).
 */
class AlertServiceCrashIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TARGETS = 600;

  @Test
  void twoReplicasAndAKillLoseNoAlertAndAnnounceNoneTwice() throws Exception {
    Path root = VigilLocal.projectRoot();
    Path logs = root.resolve("deploy/local/target/alert-crash-logs");
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null)) {
      LocalPostgres.Database db = postgres.database("alert", UUID.randomUUID().toString());
      Map<String, String> env =
          ServiceProcess.env(
              kafka.bootstrapServers(), db, "local-operator-" + ProcessHandle.current().pid());
      Path app = root.resolve("alert-service/target/quarkus-app");
      int port = FreePorts.consecutive(2);

      ServiceProcess first = ServiceProcess.start("alert-service", app, port, env, logs);
      ServiceProcess peer = ServiceProcess.start("alert-service-peer", app, port + 1, env, logs);
      try (KafkaConsumer<String, String> alerts =
              KafkaClients.consumer(
                  kafka.bootstrapServers(), "crash-it", "earliest", "vigil.alerts");
          Admin admin =
              Admin.create(
                  Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
          // first too: if it never gets ready, it must not outlive the test (it is killed below,
          // and closing a killed process does nothing).
          first;
          peer) {
        first.awaitReady(Duration.ofSeconds(180));
        peer.awaitReady(Duration.ofSeconds(180));
        produceScans(kafka.bootstrapServers());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> KafkaClients.poll(alerts, seen) >= 20);
        // Both replicas own certificate-scan partitions (awaited: a rebalance may be under way).
        await().atMost(Duration.ofSeconds(30)).until(() -> scanConsumers(admin) == 2);
        first.kill();

        ServiceProcess second =
            ServiceProcess.start("alert-service-restarted", app, port, env, logs);
        try {
          second.awaitReady(Duration.ofSeconds(180));
          await()
              .atMost(Duration.ofSeconds(180))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> firedTargets(KafkaClients.poll(alerts, seen), seen).size() >= TARGETS / 2);
          // Give a duplicate announcement the chance to show up before judging.
          await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
          KafkaClients.poll(alerts, seen);
        } finally {
          second.close();
        }

        Map<String, Set<String>> eventIdsByTarget = new HashMap<>();
        for (ConsumerRecord<String, String> r : seen) {
          if ("dev.vigil.alert.fired.v1".equals(KafkaClients.header(r, "ce_type"))) {
            String target = JSON.readTree(r.value()).path("labels").path("target_id").asText();
            eventIdsByTarget
                .computeIfAbsent(target, k -> new HashSet<>())
                .add(KafkaClients.header(r, "ce_id"));
          }
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < TARGETS; i += 2) {
          expected.add(target(i));
        }
        assertThat(eventIdsByTarget.keySet())
            .as("exactly the expiring targets fired")
            .isEqualTo(expected);
        assertThat(eventIdsByTarget.values())
            .as("each alert announced once (one distinct ce_id)")
            .allSatisfy(ids -> assertThat(ids).hasSize(1));
      }
    }
  }

  /** Members of alert-service's consumer group that own partitions of the scans topic. */
  private static long scanConsumers(Admin admin) throws Exception {
    ConsumerGroupDescription group =
        admin
            .describeConsumerGroups(List.of("alert-service"))
            .describedGroups()
            .get("alert-service")
            .get();
    return group.members().stream()
        .filter(
            m ->
                m.assignment().topicPartitions().stream()
                    .anyMatch(tp -> tp.topic().equals("vigil.certificate-scans")))
        .count();
  }

  private static String target(int i) {
    return "crash-target-" + i;
  }

  private static Set<String> firedTargets(int ignored, List<ConsumerRecord<String, String>> seen)
      throws Exception {
    Set<String> targets = new HashSet<>();
    for (ConsumerRecord<String, String> r : seen) {
      if ("dev.vigil.alert.fired.v1".equals(KafkaClients.header(r, "ce_type"))) {
        JsonNode labels = JSON.readTree(r.value()).path("labels");
        targets.add(labels.path("target_id").asText());
      }
    }
    return targets;
  }

  /** Even targets expire in 5 days (fire), odd ones in 90 (healthy). */
  private static void produceScans(String bootstrap) {
    try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap)) {
      Instant now = Instant.now();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < TARGETS; i++) {
          String id = UUID.randomUUID().toString();
          long days = i % 2 == 0 ? 5 : 90;
          String scan =
              """
              {"scanId":"%s","targetId":"%s","target":{"kind":"TLS_ENDPOINT","host":"%s.example","port":443},
               "labels":{"team":"crash"},"scannedAt":"%s","outcome":"COMPLETED","chain":[],
               "earliestNotAfter":"%s","daysLeft":%d,"findings":[]}
              """
                  .formatted(id, target(i), target(i), now, now.plus(Duration.ofDays(days)), days);
          producer.send(
              KafkaClients.cloudEvent(
                  "vigil.certificate-scans",
                  target(i),
                  scan,
                  id,
                  "dev.vigil.certificate.scanned.v1",
                  "/vigil/scanner-service",
                  now));
        }
      }
      producer.flush();
    }
  }
}
