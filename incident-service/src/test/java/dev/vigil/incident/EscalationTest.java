package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.awaitRecords;
import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static dev.vigil.incident.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation over real Kafka and PostgreSQL. The test profile's policies (application.properties)
 * give components {@code escalation-fast} two steps (0 s, then 1 s later) and {@code
 * escalation-slow} / {@code escalation-marker} one step after 6 s; everything else escalates after
 * an hour, so other tests never see an escalation.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class EscalationTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing." + Channels.INCIDENT_ESCALATIONS + ".topic")
  String escalationsTopic;

  @Inject ObjectMapper mapper;

  private KafkaTestClient kafka;
  private ConsumerTask<String, String> escalations;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrap);
    escalations = kafka.follow(escalationsTopic);
    for (String component : List.of("escalation-fast", "escalation-slow", "escalation-marker")) {
      String match = component.substring("escalation-".length());
      given()
          .auth()
          .preemptive()
          .basic("admin", "admin-secret")
          .contentType(ContentType.JSON)
          .body("{\"name\": \"" + component + "\", \"match\": {\"escalation\": \"" + match + "\"}}")
          .put("/api/v1/components/{id}", component)
          .then()
          .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void anUnacknowledgedIncidentEscalatesStepByStep() throws Exception {
    String group = "esc-" + UUID.randomUUID();
    String fp = fire(group, "fast");
    String id = Incidents.awaitIncidentOf(group);

    List<ConsumerRecord<String, String>> events =
        awaitRecords(escalations, r -> id.equals(r.key()), 2);

    assertThat(events).hasSize(2);
    assertThat(header(events.get(0), "ce_type")).isEqualTo(EventType.INCIDENT_ESCALATED.type());
    assertThat(header(events.get(0), "ce_subject")).isEqualTo(id);
    assertThat(header(events.get(0), "ce_id")).isNotEqualTo(header(events.get(1), "ce_id"));
    JsonNode first = mapper.readTree(events.get(0).value());
    JsonNode second = mapper.readTree(events.get(1).value());
    assertThat(first.get("step").asInt()).isEqualTo(1);
    assertThat(first.get("steps").asInt()).isEqualTo(2);
    assertThat(first.get("policy").asText()).isEqualTo("test-fast");
    assertThat(first.get("receivers").toString()).isEqualTo("[\"esc-first\"]");
    assertThat(first.get("components").toString()).isEqualTo("[\"escalation-fast\"]");
    assertThat(first.get("status").asText()).isEqualTo("TRIGGERED");
    assertThat(second.get("step").asInt()).isEqualTo(2);
    assertThat(second.get("receivers").toString()).isEqualTo("[\"esc-second\",\"esc-lead\"]");
    Instant firstAt = Instant.parse(first.get("escalatedAt").asText());
    Instant secondAt = Instant.parse(second.get("escalatedAt").asText());
    assertThat(Duration.between(firstAt, secondAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

    JsonPath detail = Incidents.detail(id);
    assertThat(detail.getList("timeline.findAll { it.kind == 'ESCALATED' }.message", String.class))
        .containsExactly(
            "Escalated: step 1 of 2 (policy test-fast), not acknowledged; notifying esc-first",
            "Escalated: step 2 of 2 (policy test-fast), not acknowledged; notifying esc-second,"
                + " esc-lead");
    assertThat(detail.getString("escalation.state")).isEqualTo("DONE");
    assertThat(detail.getInt("escalation.level")).isEqualTo(2);
    assertThat(detail.getString("escalation.nextStep")).isNull();

    resolve(group, fp); // leaves the component free for the next run's alerts
  }

  @Test
  void anAcknowledgedIncidentDoesNotEscalate() throws Exception {
    String acked = "esc-ack-" + UUID.randomUUID();
    String ackedFp = fire(acked, "slow");
    String ackedId = Incidents.awaitIncidentOf(acked);
    assertThat(Incidents.detail(ackedId).getInt("escalation.nextStep")).isEqualTo(1);
    assertThat(Incidents.detail(ackedId).getList("escalation.nextReceivers", String.class))
        .containsExactly("esc-slow");

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .post("/api/v1/incidents/{id}/acknowledge", ackedId)
        .then()
        .statusCode(200)
        .body("escalation.state", equalTo("CANCELLED"))
        .body("escalation.endedBy", equalTo("acknowledged"))
        .body("escalation.level", equalTo(0));

    // A marker on the same policy, opened later: once it escalated, the acknowledged incident's
    // step would have been due too.
    String marker = "esc-marker-" + UUID.randomUUID();
    String markerFp = fire(marker, "marker");
    String markerId = Incidents.awaitIncidentOf(marker);
    awaitRecords(escalations, r -> markerId.equals(r.key()), 1);

    assertThat(escalations.getRecords()).noneMatch(r -> ackedId.equals(r.key()));
    assertThat(Incidents.detail(ackedId).getList("timeline.kind", String.class))
        .doesNotContain("ESCALATED");
    assertThat(Incidents.detail(markerId).getList("timeline.kind", String.class))
        .contains("ESCALATED");

    resolve(acked, ackedFp);
    resolve(marker, markerFp);
  }

  private String fire(String group, String escalation) {
    String fp = UUID.randomUUID().toString();
    AlertFired fired =
        new AlertFired(
            fp,
            "EscalationProbe",
            Severity.WARNING,
            Map.of("escalation", escalation, "target", fp),
            Map.of("summary", "escalation probe " + escalation),
            group,
            Instant.now(),
            Instant.now(),
            1.0,
            null);
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(mapper, fired));
    return fp;
  }

  private void resolve(String group, String fp) {
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_RESOLVED.type()),
        Incidents.json(mapper, Incidents.resolved(group, fp)));
  }
}
