package dev.vigil.scanner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A deleted target is retired: its owner publishes {@code ScanTargetRetired} (through the outbox),
 * which is what lets alert-service resolve its alerts.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class TargetRetirementTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final TestPki PKI = TestPki.create("Retirement CA");

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.scan-targets.topic")
  String targetsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.certificate-scans.topic")
  String scansTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.scan-target-retirements.topic")
  String retirementsTopic;

  @Test
  void targetDeletedOverRestIsRetiredWithItsLabels() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(PKI.issueExpiringIn("localhost", 5));
        ConsumerTask<String, String> scans = kafka.consumeStrings().fromTopics(scansTopic);
        ConsumerTask<String, String> retired =
            kafka.consumeStrings().fromTopics(retirementsTopic)) {
      String id =
          operator()
              .contentType(ContentType.JSON)
              .body(
                  "{\"host\":\"localhost\",\"port\":%d,\"labels\":{\"team\":\"retire\"}}"
                      .formatted(endpoint.port()))
              .post("/api/v1/targets")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      await().atMost(WAIT).until(() -> !of(scans, id).isEmpty());

      operator().delete("/api/v1/targets/" + id).then().statusCode(204);

      await().atMost(WAIT).until(() -> !of(retired, id).isEmpty());
      ConsumerRecord<String, String> event = of(retired, id).get(0);
      assertThat(header(event, "ce_type")).isEqualTo("dev.vigil.scantarget.retired.v1");
      assertThat(header(event, "ce_id")).isNotBlank();
      assertThat(event.value())
          .contains("\"targetId\":\"" + id + "\"")
          .contains("\"team\":\"retire\"")
          .contains("\"port\":" + endpoint.port())
          .contains("\"retiredAt\":");
    }
  }

  @Test
  void tombstoneOnTheTargetsTopicRetiresTheTarget() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> scans = kafka.consumeStrings().fromTopics(scansTopic);
        ConsumerTask<String, String> retired =
            kafka.consumeStrings().fromTopics(retirementsTopic)) {
      String id = "cmdb-" + UUID.randomUUID();
      kafka.produceStrings().fromRecords(definition(id)).awaitCompletion();
      await().atMost(WAIT).until(() -> !of(scans, id).isEmpty());

      kafka
          .produceStrings()
          .fromRecords(new ProducerRecord<String, String>(targetsTopic, id, null))
          .awaitCompletion();

      await().atMost(WAIT).until(() -> !of(retired, id).isEmpty());
      assertThat(of(retired, id).get(0).value()).contains("\"host\":\"127.0.0.1\"");
      operator().get("/api/v1/targets/" + id).then().statusCode(404);
    }
  }

  @Test
  void tombstoneOfATargetNobodyOwnedRetiresNothing() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> retired =
            kafka.consumeStrings().fromTopics(retirementsTopic)) {
      String unknown = "never-" + UUID.randomUUID();
      String marker = "marker-" + UUID.randomUUID();
      // Both on partition 0, the marker behind the tombstone: once the marker is retired, the
      // tombstone before it has been read.
      kafka
          .produceStrings()
          .fromRecords(
              new ProducerRecord<String, String>(targetsTopic, 0, unknown, null),
              definition(0, marker))
          .awaitCompletion();
      await()
          .atMost(WAIT)
          .until(() -> operator().get("/api/v1/targets/" + marker).statusCode() == 200);
      kafka
          .produceStrings()
          .fromRecords(new ProducerRecord<String, String>(targetsTopic, 0, marker, null))
          .awaitCompletion();
      await().atMost(WAIT).until(() -> !of(retired, marker).isEmpty());
      assertThat(of(retired, unknown)).isEmpty();
    }
  }

  private static RequestSpecification operator() {
    return given().auth().preemptive().basic("operator", "test-operator-password");
  }

  private ProducerRecord<String, String> definition(String id) {
    return definition(null, id);
  }

  private ProducerRecord<String, String> definition(Integer partition, String id) {
    String json =
        """
        {"targetId":"%s","kind":"TLS_ENDPOINT","host":"127.0.0.1","port":1,
         "labels":{"source":"cmdb"},"registeredAt":"2026-01-01T00:00:00Z","registeredBy":"cmdb"}
        """
            .formatted(id);
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", bytes("1.0"));
    headers.add("ce_id", bytes(UUID.randomUUID().toString()));
    headers.add("ce_source", bytes("/cmdb"));
    headers.add("ce_type", bytes("dev.vigil.scantarget.registered.v1"));
    headers.add("content-type", bytes("application/json"));
    return new ProducerRecord<>(targetsTopic, partition, id, json, headers);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<String, String>> of(
      ConsumerTask<String, String> task, String key) {
    return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
