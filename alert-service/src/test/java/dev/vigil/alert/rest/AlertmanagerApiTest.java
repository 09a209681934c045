package dev.vigil.alert.rest;

import static dev.vigil.alert.CloudEventRecords.header;
import static dev.vigil.alert.TestUsers.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.domain.Fingerprint;
import dev.vigil.events.AlertFired;
import dev.vigil.events.Severity;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prometheus can point at Vigil: Alertmanager's POST /api/v2/alerts, round trip to the topic. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class AlertmanagerApiTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic")
  String alertsTopic;

  @Inject ObjectMapper json;

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
  void postedAlertFiresRepeatedPostIsQuietAndEndsAtInThePastResolves() throws Exception {
    String instance = "node-" + UUID.randomUUID() + ":9100";
    Map<String, String> labels =
        Map.of("alertname", "NodeDiskFull", "instance", instance, "severity", "page");
    String fingerprint = Fingerprint.of(labels);
    String body =
        """
        [{"labels": %s,
          "annotations": {"summary": "disk 97%% full"},
          "startsAt": "2026-03-01T10:00:00Z",
          "generatorURL": "http://prometheus.local/graph?g0.expr=disk"}]
        """
            .formatted(json.writeValueAsString(labels));

    asOperator()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v2/alerts")
        .then()
        .statusCode(200);
    asOperator()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v2/alerts")
        .then()
        .statusCode(200);

    ConsumerRecord<String, String> fired = awaitEvents(fingerprint, 1).get(0);
    AlertFired event = json.readValue(fired.value(), AlertFired.class);
    assertThat(event.alertName()).isEqualTo("NodeDiskFull");
    assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(event.labels()).isEqualTo(labels);
    assertThat(event.annotations())
        .containsEntry("summary", "disk 97% full")
        .containsEntry("generatorURL", "http://prometheus.local/graph?g0.expr=disk");
    asOperator()
        .get("/api/v1/alerts/{fp}", fingerprint)
        .then()
        .statusCode(200)
        .body("status", equalTo("FIRING"))
        .body("targetId", equalTo(instance));

    String resolve =
        """
        [{"labels": %s, "startsAt": "2026-03-01T10:00:00Z", "endsAt": "2026-03-01T10:05:00Z"}]
        """
            .formatted(json.writeValueAsString(labels));
    asOperator()
        .contentType(ContentType.JSON)
        .body(resolve)
        .post("/api/v2/alerts")
        .then()
        .statusCode(200);

    List<ConsumerRecord<String, String>> events = awaitEvents(fingerprint, 2);
    assertThat(events).hasSize(2);
    assertThat(header(events.get(1), "ce_type")).isEqualTo("dev.vigil.alert.resolved.v1");
  }

  @Test
  void alertWithoutAlertnameIsRejectedNamingTheField() {
    asOperator()
        .contentType(ContentType.JSON)
        .body("[{\"labels\": {\"instance\": \"x\"}}]")
        .post("/api/v2/alerts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("[0].labels.alertname"));
  }

  @Test
  void badLabelNameIsRejectedAndNothingIsStored() {
    String name = "Bad" + UUID.randomUUID().toString().replace("-", "");
    asOperator()
        .contentType(ContentType.JSON)
        .body(
            "[{\"labels\": {\"alertname\": \""
                + name
                + "\"}},"
                + " {\"labels\": {\"alertname\": \"x\", \"bad-name\": \"y\"}}]")
        .post("/api/v2/alerts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("[1].labels.bad-name"));
    asOperator()
        .get("/api/v1/alerts/{fp}", Fingerprint.of(Map.of("alertname", name)))
        .then()
        .statusCode(404);
  }

  private List<ConsumerRecord<String, String>> awaitEvents(String fingerprint, int count) {
    await().atMost(WAIT).until(() -> eventsOf(fingerprint).size() >= count);
    return eventsOf(fingerprint);
  }

  private List<ConsumerRecord<String, String>> eventsOf(String fingerprint) {
    return alerts.getRecords().stream().filter(r -> fingerprint.equals(r.key())).toList();
  }
}
