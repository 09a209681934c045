package dev.vigil.scanner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.scanner.service.OwnedTargets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The targets topic is read a poll at a time: one transaction per batch, a bad record dead-lettered
 * on its own while the rest of its batch is stored.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class TargetBatchIntakeTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.scan-targets.topic")
  String targetsTopic;

  @ConfigProperty(name = "mp.messaging.incoming.scan-targets.dead-letter-queue.topic")
  String deadLetterTopic;

  @Inject AgroalDataSource db;

  @Inject OwnedTargets owned;

  private ProducerRecord<String, String> definition(
      Integer partition, String key, String targetId, String host, int port, String by) {
    String json =
        """
        {"targetId":"%s","kind":"TLS_ENDPOINT","host":"%s","port":%d,"labels":{"source":"cmdb"},
         "intervalSeconds":604800,"registeredAt":"2026-01-01T00:00:00Z","registeredBy":"%s"}
        """
            .formatted(targetId, host, port, by);
    return record(partition, key, json);
  }

  private ProducerRecord<String, String> record(Integer partition, String key, String json) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", bytes("1.0"));
    headers.add("ce_id", bytes(UUID.randomUUID().toString()));
    headers.add("ce_source", bytes("/cmdb"));
    headers.add("ce_type", bytes("dev.vigil.scantarget.registered.v1"));
    headers.add("content-type", bytes("application/json"));
    return new ProducerRecord<>(targetsTopic, partition, key, json, headers);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private int storedWithPrefix(String prefix) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from scan_target where id like ?")) {
      ps.setString(1, prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The row's version (PostgreSQL's xmin): it changes with every write of the row. */
  private String rowVersion(String id) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select xmin::text from scan_target where id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static Map<String, String> reasons(ConsumerTask<String, String> dead) {
    return dead.getRecords().stream()
        .filter(r -> r.key() != null)
        .collect(
            Collectors.toMap(
                ConsumerRecord::key,
                r ->
                    new String(
                        r.headers().lastHeader("dead-letter-reason").value(),
                        StandardCharsets.UTF_8),
                (a, b) -> b));
  }

  @Test
  void badRecordsAreDeadLetteredOneByOneAndTheRestOfTheirBatchIsStored() throws Exception {
    String prefix = "batch-" + UUID.randomUUID() + "-";
    String metadata = prefix + "metadata";
    String malformed = prefix + "malformed";
    String wrongKey = prefix + "wrong-key";
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      records.add(definition(0, prefix + i, prefix + i, "127.0.0.1", 1 + i, "cmdb-sync"));
      if (i == 100) {
        records.add(definition(0, metadata, metadata, "169.254.169.254", 80, "cmdb-sync"));
        records.add(record(0, malformed, "{\"targetId\":"));
        records.add(definition(0, wrongKey, prefix + "other", "127.0.0.1", 443, "cmdb-sync"));
      }
    }
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(deadLetterTopic)) {
      kafka.produceStrings().fromRecords(records).awaitCompletion();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> reasons(dead).keySet().containsAll(List.of(metadata, malformed, wrongKey)));
      Map<String, String> reasons = reasons(dead);
      assertThat(reasons.get(metadata)).contains("denied network 169.254.0.0/16");
      assertThat(reasons.get(malformed)).contains("malformed ScanTargetRegistered");
      assertThat(reasons.get(wrongKey)).contains("record key must equal targetId");
      await().atMost(Duration.ofSeconds(30)).until(() -> storedWithPrefix(prefix) == 300);
      // Scheduled right after the commit.
      await().atMost(Duration.ofSeconds(10)).until(() -> owned.nextDue(prefix + 299) != null);
      assertThat(owned.nextDue(metadata)).isNull();
    }
  }

  @Test
  void theLastRecordOfATargetInABatchWinsAndATombstoneRemovesIt() throws Exception {
    String prefix = "last-" + UUID.randomUUID() + "-";
    String kept = prefix + "kept";
    String removed = prefix + "removed";
    String marker = prefix + "marker";
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
      kafka
          .produceStrings()
          .fromRecords(
              definition(0, kept, kept, "127.0.0.1", 1001, "first"),
              definition(0, removed, removed, "127.0.0.1", 1003, "first"),
              definition(0, kept, kept, "127.0.0.1", 1002, "second"),
              new ProducerRecord<String, String>(targetsTopic, 0, removed, null),
              definition(0, marker, marker, "127.0.0.1", 1004, "first"))
          .awaitCompletion();

      await().atMost(Duration.ofSeconds(30)).until(() -> storedWithPrefix(marker) == 1);
      given()
          .get("/api/v1/targets/" + kept)
          .then()
          .statusCode(200)
          .body("port", equalTo(1002))
          .body("registeredBy", equalTo("second"));
      given().get("/api/v1/targets/" + removed).then().statusCode(404);
      assertThat(owned.nextDue(removed)).isNull();
    }
  }

  @Test
  void aRowTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsBatchIsStored() throws Exception {
    String prefix = "refused-" + UUID.randomUUID() + "-";
    String refused = prefix + "long-registered-by";
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      records.add(definition(0, prefix + i, prefix + i, "127.0.0.1", 2000 + i, "cmdb-sync"));
    }
    // registered_by is varchar(200): the checks before the batch do not look at its length.
    records.add(10, definition(0, refused, refused, "127.0.0.1", 443, "x".repeat(300)));
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(deadLetterTopic)) {
      kafka.produceStrings().fromRecords(records).awaitCompletion();

      await().atMost(Duration.ofSeconds(30)).until(() -> reasons(dead).containsKey(refused));
      assertThat(reasons(dead).get(refused)).contains("too long");
      await().atMost(Duration.ofSeconds(30)).until(() -> storedWithPrefix(prefix) == 20);
      await().atMost(Duration.ofSeconds(10)).until(() -> owned.nextDue(prefix + 19) != null);
    }
  }

  @Test
  void replayedDefinitionWritesNothing() throws Exception {
    String id = "replay-" + UUID.randomUUID();
    String marker = id + "-marker";
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
      ProducerRecord<String, String> original = definition(0, id, id, "127.0.0.1", 1, "cmdb-sync");
      kafka.produceStrings().fromRecords(original).awaitCompletion();
      // Its first scan (refused port) writes the row once more; with a 7-day interval no other.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> given().get("/api/v1/targets/" + id).path("lastScan") != null);
      String version = rowVersion(id);

      // The same definition again (a new CloudEvent id, as a re-publishing system would send),
      // then a marker behind it on the same partition.
      kafka
          .produceStrings()
          .fromRecords(
              definition(0, id, id, "127.0.0.1", 1, "cmdb-sync"),
              definition(0, marker, marker, "127.0.0.1", 2, "cmdb-sync"))
          .awaitCompletion();
      await().atMost(Duration.ofSeconds(30)).until(() -> rowVersion(marker) != null);

      assertThat(rowVersion(id)).isEqualTo(version);
    }
  }
}
