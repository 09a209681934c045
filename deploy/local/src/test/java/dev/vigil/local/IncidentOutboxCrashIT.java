package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * incident-service's transactional outbox under SIGKILL in the window between the database commit
 * and the Kafka publish. The window is held open deterministically with the platform relay's
 * operational switch ({@code vigil.outbox.relay.enabled=false}): alerts are applied, incidents and
 * their events are committed, nothing is published; the process is killed with SIGKILL and started
 * again with the relay on. Every committed change must then be published (at least once: consumers
 * deduplicate by {@code ce_id}), and no event may exist without its database change.
 */
class IncidentOutboxCrashIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GROUPS = 40;
  private static final String TOPIC = "vigil.incidents";

  /** One outbox row as committed before the kill. */
  private record Committed(String eventId, String type, String key) {}

  @Test
  void eventsCommittedBeforeAKillArePublishedAfterTheRestartAndNoneWithoutItsChange()
      throws Exception {
    Path root = VigilLocal.projectRoot();
    Path logs = root.resolve("deploy/local/target/incident-outbox-crash-logs");
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null)) {
      LocalPostgres.Database db = postgres.database("incident", UUID.randomUUID().toString());
      // As the launcher starts it (every service gets the operator password; this one ignores it).
      Map<String, String> env =
          ServiceProcess.env(kafka.bootstrapServers(), db, "outbox-crash-operator");
      Path app = root.resolve("incident-service/target/quarkus-app");
      int port = FreePorts.consecutive(1);

      Map<String, String> paused = new HashMap<>(env);
      paused.put("VIGIL_OUTBOX_RELAY_ENABLED", "false");
      ServiceProcess first = ServiceProcess.start("incident-service", app, port, paused, logs);
      List<Committed> committed;
      Map<String, String> statusById;
      try {
        first.awaitReady(Duration.ofSeconds(180));
        int alertEvents = produceAlerts(kafka.bootstrapServers());
        // Every alert event applied and committed (inbox marks), with its events in the outbox.
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    count(db, "select count(*) from processed_event") == alertEvents
                        && count(
                                db, "select count(*) from outbox_event where channel = 'incidents'")
                            == expectedEvents());
        committed = outbox(db);
        statusById = incidents(db);
        assertThat(statusById).hasSize(GROUPS);
        assertThat(publishedCount(kafka.bootstrapServers()))
            .as("committed, and held before the publish")
            .isZero();
      } finally {
        first.kill(); // SIGKILL in the window after the commit, before the publish
      }

      ServiceProcess restarted =
          ServiceProcess.start("incident-service-restarted", app, port, env, logs);
      List<ConsumerRecord<String, String>> seen = new ArrayList<>();
      try (KafkaConsumer<String, String> incidents =
              KafkaClients.consumer(
                  kafka.bootstrapServers(), "outbox-crash-it", "earliest", TOPIC);
          restarted) {
        restarted.awaitReady(Duration.ofSeconds(180));
        Set<String> expectedIds =
            committed.stream().map(Committed::eventId).collect(Collectors.toSet());
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> poll(incidents, seen).containsAll(expectedIds));
        // Give an extra or duplicate event the chance to show up before judging.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        poll(incidents, seen);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> count(db, "select count(*) from outbox_event") == 0);

        Map<String, Committed> byId = new HashMap<>();
        committed.forEach(c -> byId.put(c.eventId(), c));
        assertThat(
                seen.stream().map(r -> KafkaClients.header(r, "ce_id")).collect(Collectors.toSet()))
            .as("every committed change published, and nothing else")
            .isEqualTo(expectedIds);
        for (ConsumerRecord<String, String> r : seen) {
          Committed c = byId.get(KafkaClients.header(r, "ce_id"));
          assertThat(KafkaClients.header(r, "ce_type")).isEqualTo(c.type());
          assertThat(r.key()).isEqualTo(c.key());
          assertThat(statusById).as("the event's incident exists").containsKey(r.key());
          assertThat(JSON.readTree(r.value()).path("incidentId").asText()).isEqualTo(r.key());
        }
        Map<String, List<String>> typesByIncident = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : seen) {
          typesByIncident
              .computeIfAbsent(r.key(), k -> new ArrayList<>())
              .add(KafkaClients.header(r, "ce_type"));
        }
        statusById.forEach(
            (id, status) -> {
              List<String> types = typesByIncident.getOrDefault(id, List.of());
              assertThat(types).contains("dev.vigil.incident.opened.v1");
              assertThat(types.contains("dev.vigil.incident.resolved.v1"))
                  .as("incident %s (%s) announced resolved iff resolved", id, status)
                  .isEqualTo(status.equals("RESOLVED"));
            });
      }
    }
  }

  /** Per group: AlertFired a, AlertFired b, AlertResolved a; even groups also AlertResolved b. */
  private static int produceAlerts(String bootstrap) {
    int sent = 0;
    try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap)) {
      Instant now = Instant.now();
      for (int g = 0; g < GROUPS; g++) {
        String group = "outbox-crash-" + g;
        // Keyed by group: one group's events stay in order on one partition.
        sent += send(producer, group, "dev.vigil.alert.fired.v1", fired(group, group + "-a", now));
        sent += send(producer, group, "dev.vigil.alert.fired.v1", fired(group, group + "-b", now));
        sent +=
            send(
                producer, group, "dev.vigil.alert.resolved.v1", resolved(group, group + "-a", now));
        if (g % 2 == 0) {
          sent +=
              send(
                  producer,
                  group,
                  "dev.vigil.alert.resolved.v1",
                  resolved(group, group + "-b", now));
        }
      }
      producer.flush();
    }
    return sent;
  }

  /** Opened, attached, alert resolved per group, plus resolved for even groups. */
  private static int expectedEvents() {
    return GROUPS * 3 + GROUPS / 2;
  }

  private static String fired(String group, String fp, Instant at) {
    return """
        {"fingerprint":"%s","alertName":"OutboxCrash","severity":"CRITICAL",
         "labels":{"alertname":"OutboxCrash","fp":"%s"},"annotations":{"summary":"crash test"},
         "groupKey":"%s","startsAt":"%s","firedAt":"%s","value":1.0}
        """
        .formatted(fp, fp, group, at, at);
  }

  private static String resolved(String group, String fp, Instant at) {
    return """
        {"fingerprint":"%s","alertName":"OutboxCrash","labels":{"alertname":"OutboxCrash","fp":"%s"},
         "groupKey":"%s","startsAt":"%s","resolvedAt":"%s","reason":"recovered"}
        """
        .formatted(fp, fp, group, at, at.plusSeconds(1));
  }

  private static int send(
      KafkaProducer<String, String> producer, String key, String type, String data) {
    producer.send(
        KafkaClients.cloudEvent(
            "vigil.alerts",
            key,
            data,
            UUID.randomUUID().toString(),
            type,
            "/vigil/alert-service",
            Instant.now()));
    return 1;
  }

  private static long count(LocalPostgres.Database db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Committed> outbox(LocalPostgres.Database db) throws SQLException {
    List<Committed> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select event_id, event_type, record_key from outbox_event where channel ="
                    + " 'incidents' order by id")) {
      while (rs.next()) {
        rows.add(new Committed(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return rows;
  }

  private static Map<String, String> incidents(LocalPostgres.Database db) throws SQLException {
    Map<String, String> statusById = new HashMap<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select id, status from incident")) {
      while (rs.next()) {
        statusById.put(rs.getString(1), rs.getString(2));
      }
    }
    return statusById;
  }

  /** Records on the incidents topic: the sum of its partitions' end offsets. */
  private static long publishedCount(String bootstrap) {
    try (KafkaConsumer<String, String> c =
        KafkaClients.consumer(bootstrap, "outbox-crash-it", "earliest", TOPIC)) {
      List<PartitionInfo> partitions = c.partitionsFor(TOPIC, Duration.ofSeconds(10));
      if (partitions == null || partitions.isEmpty()) {
        return 0;
      }
      List<TopicPartition> tps =
          partitions.stream().map(pi -> new TopicPartition(TOPIC, pi.partition())).toList();
      return c.endOffsets(tps, Duration.ofSeconds(10)).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  /** Polls once; returns the distinct CloudEvent ids seen so far. */
  private static Set<String> poll(
      KafkaConsumer<String, String> c, List<ConsumerRecord<String, String>> into) {
    KafkaClients.poll(c, into);
    return into.stream().map(r -> KafkaClients.header(r, "ce_id")).collect(Collectors.toSet());
  }
}
