package dev.vigil.alert.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.service.notify.EscalationNotifier;
import dev.vigil.events.EventType;
import dev.vigil.events.IncidentEscalated;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IncidentEscalated from incident-service to real receivers on loopback, exactly once. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
@QuarkusTestResource(NotifyTestPeers.class)
class EscalationNotificationTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration QUIET = Duration.ofMillis(2500);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.incident-escalations.topic")
  String topic;

  @ConfigProperty(name = "mp.messaging.incoming.incident-escalations.dead-letter-queue.topic")
  String deadLetterTopic;

  @ConfigProperty(name = "vigil.test.peers-url")
  String peersUrl;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

  KafkaCompanion kafka;
  NotifyFixtures fx;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
    fx = new NotifyFixtures(json, kafka, topic, peersUrl);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void anEscalationReachesTheWebhookOnceEvenWhenDeliveredTwiceAndReplayed() {
    String incident = UUID.randomUUID().toString();
    IncidentEscalated step = escalation(incident, 2, List.of("hook"));
    String ceId = UUID.randomUUID().toString();
    send(incident, ceId, step);
    send(incident, ceId, step); // redelivery: same CloudEvent
    String replay = UUID.randomUUID().toString();
    send(incident, replay, step); // the same step again under another id (a replay, a replica)

    await().atMost(WAIT).until(() -> fx.received("/hook", incident).size() == 1);
    await().atMost(WAIT).until(() -> infrastructure.processed(EscalationNotifier.CONSUMER, replay));
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(() -> fx.received("/hook", incident).size() == 1);

    JsonNode body = fx.received("/hook", incident).get(0).path("body");
    assertThat(body.path("version").asText()).isEqualTo("4");
    assertThat(body.path("status").asText()).isEqualTo("firing");
    assertThat(body.path("receiver").asText()).isEqualTo("hook");
    assertThat(body.path("groupLabels").path("incident_id").asText()).isEqualTo(incident);
    JsonNode alert = body.path("alerts").get(0);
    assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("IncidentEscalated");
    assertThat(alert.path("labels").path("escalation_step").asText()).isEqualTo("2");
    assertThat(alert.path("labels").path("escalation_policy").asText()).isEqualTo("payments");
    assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
    assertThat(alert.path("labels").path("team").asText()).isEqualTo("payments");
    assertThat(alert.path("annotations").path("summary").asText())
        .isEqualTo("Not acknowledged: Checkout API down");
    assertThat(alert.path("annotations").path("description").asText())
        .contains("escalation step 2 of 3 (policy payments)");
    await()
        .atMost(WAIT)
        .until(
            () ->
                given()
                        .queryParam("receiver", "hook")
                        .queryParam("status", "sent")
                        .get("/api/v1/notifications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.groupKey.contains('" + incident + "') }")
                        .size()
                    == 1);
  }

  @Test
  void theNextStepAndOtherReceiversAreNotifiedToo() {
    String incident = UUID.randomUUID().toString();
    send(incident, UUID.randomUUID().toString(), escalation(incident, 1, List.of("hook")));
    send(incident, UUID.randomUUID().toString(), escalation(incident, 2, List.of("hook", "pager")));

    await().atMost(WAIT).until(() -> fx.received("/hook", incident).size() == 2);
    await().atMost(WAIT).until(() -> fx.received("/pagerduty", incident).size() == 1);
    await().atMost(WAIT).until(() -> fx.received("/slack", incident).size() == 1);
    JsonNode page = fx.received("/pagerduty", incident).get(0).path("body");
    assertThat(page.path("event_action").asText()).isEqualTo("trigger");
    assertThat(page.path("payload").path("severity").asText()).isEqualTo("critical");
  }

  @Test
  void anUnknownReceiverIsDeadLetteredWithTheReasonAndTheNextEscalationIsSent() {
    ConsumerTask<String, String> dlq =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(deadLetterTopic);
    try {
      String unknown = UUID.randomUUID().toString();
      send(unknown, UUID.randomUUID().toString(), escalation(unknown, 1, List.of("no-such-team")));
      String known = UUID.randomUUID().toString();
      send(known, UUID.randomUUID().toString(), escalation(known, 1, List.of("hook")));

      await().atMost(WAIT).until(() -> fx.received("/hook", known).size() == 1);
      await()
          .atMost(WAIT)
          .until(() -> dlq.getRecords().stream().anyMatch(r -> unknown.equals(r.key())));
      var record =
          dlq.getRecords().stream().filter(r -> unknown.equals(r.key())).findFirst().orElseThrow();
      assertThat(CloudEventRecords.header(record, "dead-letter-reason"))
          .contains("unknown receiver(s) [no-such-team]")
          .contains("configured: [");
      assertThat(fx.received("/hook", unknown)).isEmpty();
    } finally {
      dlq.close();
    }
  }

  private static IncidentEscalated escalation(String incident, int step, List<String> receivers) {
    Instant opened = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
    return new IncidentEscalated(
        incident,
        "team=payments",
        "Checkout API down",
        Severity.CRITICAL,
        IncidentStatus.TRIGGERED,
        Map.of("team", "payments"),
        List.of("checkout-api"),
        "payments",
        step,
        3,
        receivers,
        opened,
        opened,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private void send(String key, String ceId, IncidentEscalated payload) {
    try {
      Map<String, String> headers =
          CloudEventRecords.headers(ceId, EventType.INCIDENT_ESCALATED.type());
      headers.put("ce_source", "/vigil/incident-service");
      kafka
          .produceStrings()
          .fromRecords(
              CloudEventRecords.record(topic, key, json.writeValueAsString(payload), headers))
          .awaitCompletion();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
