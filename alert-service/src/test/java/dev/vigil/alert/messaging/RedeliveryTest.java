package dev.vigil.alert.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.TestScans;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.CertificateScanned;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** At-least-once delivery: the same CloudEvent twice must act once. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class RedeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.certificate-scans.topic")
  String scansTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic")
  String alertsTopic;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;
  @Inject AlertService service;

  private KafkaCompanion kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void sameScanDeliveredTwiceFiresOnceAndLeavesTheAlertUnchanged() {
    String target = "t-" + UUID.randomUUID();
    CertificateScanned scan = TestScans.completed(target, "dup.example.com", 5);
    String fingerprint = CertificateAlertFlowTest.expectedFingerprint(scan);
    String ceId = UUID.randomUUID().toString();
    ConsumerTask<String, String> alerts =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(alertsTopic);
    try {
      produce(ceId, scan);
      await().atMost(WAIT).until(() -> count(alerts, fingerprint) == 1);
      String before = alertJson(fingerprint);

      produce(ceId, scan);
      // Same key, same partition: once this marker is applied, the duplicate before it was too.
      // An unreachable scan leaves the alert itself untouched.
      String marker = UUID.randomUUID().toString();
      produce(marker, TestScans.unreachable(target, "dup.example.com"));
      await()
          .atMost(WAIT)
          .until(() -> infrastructure.processed(AlertService.CERTIFICATE_SCANS_CONSUMER, marker));

      assertThat(alertJson(fingerprint)).isEqualTo(before);
      // The outbox relay polls about once a second: give a wrongly queued duplicate time to show.
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> count(alerts, fingerprint) == 1);
    } finally {
      alerts.close();
    }
  }

  @Test
  void serviceReportsNothingForADuplicate() {
    CertificateScanned scan = TestScans.completed("t-" + UUID.randomUUID(), "svc.example.com", 3);
    String ceId = UUID.randomUUID().toString();

    assertThat(service.apply(ceId, scan)).hasSize(1);
    assertThat(service.apply(ceId, scan)).isEmpty();
  }

  private String alertJson(String fingerprint) {
    return given()
        .get("/api/v1/alerts/{fp}", fingerprint)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private void produce(String ceId, CertificateScanned scan) {
    kafka
        .produceStrings()
        .fromRecords(CloudEventRecords.certificateScanned(json, scansTopic, ceId, scan))
        .awaitCompletion(WAIT);
  }

  private static long count(ConsumerTask<String, String> alerts, String fingerprint) {
    return alerts.getRecords().stream().filter(r -> fingerprint.equals(r.key())).count();
  }
}
