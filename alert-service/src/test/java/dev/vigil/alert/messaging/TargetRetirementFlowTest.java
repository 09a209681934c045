package dev.vigil.alert.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.TestScans;
import dev.vigil.alert.service.TargetRetirements;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.EventType;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.ScanTargetRetired;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A deleted scan target (ScanTargetRetired from the scanner) takes its alerts with it. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class TargetRetirementFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.certificate-scans.topic")
  String scansTopic;

  @ConfigProperty(name = "mp.messaging.incoming.scan-target-retirements.topic")
  String retirementsTopic;

  @ConfigProperty(name = "mp.messaging.incoming.scan-target-retirements.dead-letter-queue.topic")
  String retirementsDeadLetters;

  @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic")
  String alertsTopic;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

  @Test
  void retiredTargetsFiringAlertResolvesAndARedeliveryChangesNothing() throws Exception {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> alerts =
            kafka
                .consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(alertsTopic)) {
      String target = "t-" + UUID.randomUUID();
      CertificateScanned expiring = TestScans.completed(target, "gone.example.com", 5);
      String fingerprint = CertificateAlertFlowTest.expectedFingerprint(expiring);
      kafka
          .produceStrings()
          .fromRecords(
              CloudEventRecords.certificateScanned(
                  json, scansTopic, UUID.randomUUID().toString(), expiring))
          .awaitCompletion(WAIT);
      await().atMost(WAIT).until(() -> eventsOf(alerts, fingerprint).size() == 1);
      given().get("/api/v1/alerts/{fp}", fingerprint).then().body("status", equalTo("FIRING"));

      String retirementId = UUID.randomUUID().toString();
      ScanTargetRetired retired =
          new ScanTargetRetired(
              target,
              ScanTarget.TLS_ENDPOINT,
              "gone.example.com",
              443,
              Map.of("team", "payments"),
              Instant.parse("2026-03-01T11:00:00Z"));
      produce(kafka, retirementId, retired);

      await().atMost(WAIT).until(() -> eventsOf(alerts, fingerprint).size() == 2);
      ConsumerRecord<String, String> resolved = eventsOf(alerts, fingerprint).get(1);
      assertThat(CloudEventRecords.header(resolved, "ce_type"))
          .isEqualTo(EventType.ALERT_RESOLVED.type());
      AlertResolved event = json.readValue(resolved.value(), AlertResolved.class);
      assertThat(event.reason()).isEqualTo("the target was deleted");
      assertThat(event.causationId()).isEqualTo(retirementId);
      given().get("/api/v1/alerts/{fp}", fingerprint).then().body("status", equalTo("RESOLVED"));

      // The same event again, then a marker retirement behind it on the same key.
      produce(kafka, retirementId, retired);
      String marker = UUID.randomUUID().toString();
      produce(kafka, marker, retired);
      await()
          .atMost(WAIT)
          .until(() -> infrastructure.processed(TargetRetirements.CONSUMER, marker));
      assertThat(eventsOf(alerts, fingerprint)).hasSize(2);
    }
  }

  @Test
  void retirementWithoutATargetIdIsDeadLettered() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> dead =
            kafka
                .consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(retirementsDeadLetters)) {
      String key = "k-" + UUID.randomUUID();
      kafka
          .produceStrings()
          .fromRecords(
              CloudEventRecords.record(
                  retirementsTopic,
                  key,
                  "{\"kind\":\"TLS_ENDPOINT\",\"retiredAt\":\"2026-03-01T11:00:00Z\"}",
                  CloudEventRecords.headers(
                      UUID.randomUUID().toString(), EventType.SCAN_TARGET_RETIRED.type())))
          .awaitCompletion(WAIT);
      await()
          .atMost(WAIT)
          .until(() -> dead.getRecords().stream().anyMatch(r -> key.equals(r.key())));
      ConsumerRecord<String, String> record =
          dead.getRecords().stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
      assertThat(CloudEventRecords.header(record, "dead-letter-reason"))
          .contains("targetId missing");
    }
  }

  private void produce(KafkaCompanion kafka, String ceId, ScanTargetRetired retired)
      throws Exception {
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.record(
                retirementsTopic,
                retired.targetId(),
                json.writeValueAsString(retired),
                CloudEventRecords.headers(ceId, EventType.SCAN_TARGET_RETIRED.type())))
        .awaitCompletion(WAIT);
  }

  private static List<ConsumerRecord<String, String>> eventsOf(
      ConsumerTask<String, String> alerts, String fingerprint) {
    return alerts.getRecords().stream().filter(r -> fingerprint.equals(r.key())).toList();
  }
}
