package dev.vigil.scanner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Other systems register and remove targets by writing to the compacted targets topic. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class TargetsTopicTest {

  private static final TestPki PKI = TestPki.create("Targets topic CA");

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.scan-targets.topic")
  String targetsTopic;

  @ConfigProperty(name = "mp.messaging.incoming.scan-targets.dead-letter-queue.topic")
  String deadLetterTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.certificate-scans.topic")
  String scansTopic;

  private ProducerRecord<String, String> definition(String id, String host, int port) {
    return definition(id, host, port, "");
  }

  /** {@code extraJson} adds fields, e.g. {@code ,"warningDays":45}. */
  private ProducerRecord<String, String> definition(
      String id, String host, int port, String extraJson) {
    String json =
        """
        {"targetId":"%s","kind":"TLS_ENDPOINT","host":"%s","port":%d,"labels":{"source":"cmdb"},
         "registeredAt":"2026-01-01T00:00:00Z","registeredBy":"cmdb-sync"%s}
        """
            .formatted(id, host, port, extraJson);
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    headers.add("ce_source", "/cmdb".getBytes(StandardCharsets.UTF_8));
    headers.add("ce_type", "dev.vigil.scantarget.registered.v1".getBytes(StandardCharsets.UTF_8));
    headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(targetsTopic, null, id, json, headers);
  }

  @Test
  void targetPublishedByAnotherSystemIsScannedAndATombstoneRemovesIt() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(PKI.issueExpiringIn("localhost", 40));
        ConsumerTask<String, String> scans = kafka.consumeStrings().fromTopics(scansTopic)) {
      String id = "cmdb-" + UUID.randomUUID();
      kafka
          .produceStrings()
          .fromRecords(definition(id, "localhost", endpoint.port()))
          .awaitCompletion();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> scans.getRecords().stream().anyMatch(r -> id.equals(r.key())));
      given()
          .get("/api/v1/targets/" + id)
          .then()
          .statusCode(200)
          .body("registeredBy", equalTo("cmdb-sync"))
          .body("labels.source", equalTo("cmdb"));

      kafka
          .produceStrings()
          .fromRecords(new ProducerRecord<String, String>(targetsTopic, id, null))
          .awaitCompletion();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> given().get("/api/v1/targets/" + id).statusCode() == 404);
    }
  }

  @Test
  void thresholdsDefinedOnTheTopicApplyToTheTargetsScans() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(PKI.issueExpiringIn("localhost", 40));
        ConsumerTask<String, String> scans = kafka.consumeStrings().fromTopics(scansTopic)) {
      String id = "cmdb-" + UUID.randomUUID();
      kafka
          .produceStrings()
          .fromRecords(
              definition(
                  id, "localhost", endpoint.port(), ",\"warningDays\":45,\"lifetimePercent\":90"))
          .awaitCompletion();

      ConsumerRecord<String, String> scan =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> scans.getRecords().stream().filter(r -> id.equals(r.key())).findFirst(),
                  Optional::isPresent)
              .get();
      assertThat(scan.value()).contains("\"code\":\"EXPIRING_SOON\"");
      assertThat(scan.value()).contains("\"warningDays\":\"45\"");
      given()
          .get("/api/v1/targets/" + id)
          .then()
          .statusCode(200)
          .body("warningDays", equalTo(45))
          .body("lifetimePercent", equalTo(90));
    }
  }

  @Test
  void targetAimedAtAMetadataEndpointIsDeadLetteredAndTheConsumerKeepsGoing() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(deadLetterTopic)) {
      String bad = "evil-" + UUID.randomUUID();
      String good = "good-" + UUID.randomUUID();
      kafka
          .produceStrings()
          .fromRecords(
              definition(bad, "169.254.169.254", 80), definition(good, "fine.example.com", 443))
          .awaitCompletion();

      ConsumerRecord<String, String> dlq =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> dead.getRecords().stream().filter(r -> bad.equals(r.key())).findFirst(),
                  Optional::isPresent)
              .get();
      assertThat(
              new String(
                  dlq.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
          .contains("denied network 169.254.0.0/16");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> given().get("/api/v1/targets/" + good).statusCode() == 200);
      given().get("/api/v1/targets/" + bad).then().statusCode(404);
    }
  }
}
