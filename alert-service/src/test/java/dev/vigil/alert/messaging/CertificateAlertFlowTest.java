package dev.vigil.alert.messaging;

import static dev.vigil.alert.CloudEventRecords.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.TestRules;
import dev.vigil.alert.TestScans;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.Severity;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kafka in, PostgreSQL, Kafka out, REST: the whole life of a certificate alert. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class CertificateAlertFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.certificate-scans.topic")
  String scansTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic")
  String alertsTopic;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> alerts;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
    alerts =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(alertsTopic);
  }

  @AfterEach
  void disconnect() {
    alerts.close();
    kafka.close();
  }

  @Test
  void expiringCertificateFiresAndRenewedCertificateResolvesTheAlert() throws Exception {
    String target = "t-" + UUID.randomUUID();
    CertificateScanned expiring = TestScans.completed(target, "pay.example.com", 5);
    String fingerprint = expectedFingerprint(expiring);
    String firstScan = UUID.randomUUID().toString();

    produce(firstScan, expiring);

    ConsumerRecord<String, String> fired = awaitAlertEvents(fingerprint, 1).get(0);
    assertThat(fired.key()).isEqualTo(fingerprint);
    assertThat(header(fired, "ce_type")).isEqualTo("dev.vigil.alert.fired.v1");
    assertThat(header(fired, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(fired, "ce_source")).isEqualTo("/vigil/alert-service");
    assertThat(header(fired, "ce_subject")).isEqualTo(fingerprint);
    assertThat(header(fired, "ce_id")).isNotBlank().isNotEqualTo(firstScan);
    assertThat(header(fired, "ce_time")).isNotBlank();
    AlertFired firedEvent = json.readValue(fired.value(), AlertFired.class);
    assertThat(firedEvent.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(firedEvent.fingerprint()).isEqualTo(fingerprint);
    assertThat(firedEvent.alertName()).isEqualTo("CertificateExpiring");
    assertThat(firedEvent.causationId()).isEqualTo(firstScan);
    assertThat(firedEvent.groupKey()).isEqualTo("{target_id=\"" + target + "\"}");
    assertThat(firedEvent.value()).isEqualTo(5.0);
    assertThat(firedEvent.labels())
        .containsEntry("target_id", target)
        .containsEntry("host", "pay.example.com")
        .containsEntry("team", "payments");
    assertThat(firedEvent.annotations())
        .containsEntry("summary", "Certificate for pay.example.com:443 expires in 5 days");
    assertThat(firedEvent.firedAt()).isNotNull();
    assertThat(firedEvent.startsAt()).isNotNull();

    given().get("/api/v1/alerts").then().statusCode(200).body("fingerprint", hasItem(fingerprint));
    given()
        .get("/api/v1/alerts/{fp}", fingerprint)
        .then()
        .statusCode(200)
        .body("status", equalTo("FIRING"))
        .body("severity", equalTo("CRITICAL"))
        .body("lastEventId", equalTo(firstScan));

    // An unreachable host says nothing about its certificate: the alert keeps firing.
    String unreachableScan = UUID.randomUUID().toString();
    produce(unreachableScan, TestScans.unreachable(target, "pay.example.com"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                infrastructure.processed(AlertService.CERTIFICATE_SCANS_CONSUMER, unreachableScan));
    given()
        .get("/api/v1/alerts/{fp}", fingerprint)
        .then()
        .statusCode(200)
        .body("status", equalTo("FIRING"))
        .body("lastEventId", equalTo(firstScan));

    String renewedScan = UUID.randomUUID().toString();
    produce(renewedScan, TestScans.completed(target, "pay.example.com", 90));

    List<ConsumerRecord<String, String>> events = awaitAlertEvents(fingerprint, 2);
    assertThat(events).hasSize(2);
    ConsumerRecord<String, String> resolved = events.get(1);
    assertThat(resolved.key()).isEqualTo(fingerprint);
    assertThat(header(resolved, "ce_type")).isEqualTo("dev.vigil.alert.resolved.v1");
    AlertResolved resolvedEvent = json.readValue(resolved.value(), AlertResolved.class);
    assertThat(resolvedEvent.causationId()).isEqualTo(renewedScan);
    assertThat(resolvedEvent.startsAt()).isEqualTo(firedEvent.startsAt());
    assertThat(resolvedEvent.groupKey()).isEqualTo(firedEvent.groupKey());
    assertThat(resolvedEvent.reason()).contains("expires in 90 days");
    assertThat(resolvedEvent.resolvedAt()).isAfterOrEqualTo(firedEvent.firedAt());

    given()
        .get("/api/v1/alerts/{fp}", fingerprint)
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"))
        .body("resolvedAt", notNullValue());
    given()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("fingerprint", not(hasItem(fingerprint)));
    given()
        .queryParam("status", "resolved")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("fingerprint", hasItem(fingerprint));
  }

  @Test
  void warningThatTurnsCriticalIsFiredAgainUnderTheSameFingerprint() throws Exception {
    String target = "t-" + UUID.randomUUID();
    CertificateScanned warning = TestScans.completed(target, "shop.example.com", 20);
    String fingerprint = expectedFingerprint(warning);

    produce(UUID.randomUUID().toString(), warning);
    awaitAlertEvents(fingerprint, 1);
    produce(UUID.randomUUID().toString(), TestScans.completed(target, "shop.example.com", 10));

    List<ConsumerRecord<String, String>> events = awaitAlertEvents(fingerprint, 2);
    AlertFired first = json.readValue(events.get(0).value(), AlertFired.class);
    AlertFired escalated = json.readValue(events.get(1).value(), AlertFired.class);
    assertThat(first.severity()).isEqualTo(Severity.WARNING);
    assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(header(events.get(1), "ce_type")).isEqualTo("dev.vigil.alert.fired.v1");
    assertThat(escalated.startsAt()).isEqualTo(first.startsAt());
  }

  private void produce(String ceId, CertificateScanned scan) {
    kafka
        .produceStrings()
        .fromRecords(CloudEventRecords.certificateScanned(json, scansTopic, ceId, scan))
        .awaitCompletion(WAIT);
  }

  private List<ConsumerRecord<String, String>> awaitAlertEvents(String fingerprint, int count) {
    await().atMost(WAIT).until(() -> eventsOf(fingerprint).size() >= count);
    return eventsOf(fingerprint);
  }

  private List<ConsumerRecord<String, String>> eventsOf(String fingerprint) {
    return alerts.getRecords().stream().filter(r -> fingerprint.equals(r.key())).toList();
  }

  static String expectedFingerprint(CertificateScanned scan) {
    return TestRules.fingerprint("CertificateExpiring", scan);
  }
}
