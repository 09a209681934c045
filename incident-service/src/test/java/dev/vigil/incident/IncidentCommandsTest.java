package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.awaitRecords;
import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static dev.vigil.incident.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Responders acknowledge, resolve and annotate incidents over authenticated REST. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentCommandsTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing." + Channels.INCIDENTS + ".topic")
  String incidentsTopic;

  @Inject ObjectMapper mapper;

  private KafkaTestClient kafka;
  private ConsumerTask<String, String> incidents;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrap);
    incidents = kafka.follow(incidentsTopic);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  private String openIncident() {
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(mapper, Incidents.fired(group, fp, Severity.CRITICAL, "api down")));
    return Incidents.awaitIncidentOf(group);
  }

  @Test
  void acknowledgeRecordsWhoAndAnnouncesIt() throws Exception {
    String id = openIncident();

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .post("/api/v1/incidents/{id}/acknowledge", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("acknowledgedBy", equalTo("responder"));

    List<ConsumerRecord<String, String>> events =
        awaitRecords(incidents, r -> id.equals(r.key()), 2);
    assertThat(header(events.get(1), "ce_type")).isEqualTo(EventType.INCIDENT_UPDATED.type());
    JsonNode data = mapper.readTree(events.get(1).value());
    assertThat(data.get("change").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(data.get("actor").asText()).isEqualTo("responder");
    assertThat(Incidents.detail(id).getList("timeline.actor", String.class))
        .containsExactly("system", "responder");
  }

  @Test
  void resolvingWhileAlertsFireNeedsForce() {
    String id = openIncident();

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/incidents/{id}/resolve", id)
        .then()
        .statusCode(409)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo("force"));
    assertThat(Incidents.detail(id).getString("status")).isEqualTo("TRIGGERED");

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{\"force\": true, \"comment\": \"false positive\"}")
        .post("/api/v1/incidents/{id}/resolve", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"))
        .body("resolvedBy", equalTo("responder"));
    assertThat(Incidents.detail(id).getList("timeline.message", String.class))
        .anyMatch(m -> m.contains("forced") && m.contains("false positive"));
  }

  @Test
  void notesAreAddedEvenAfterResolutionButNeverBlank() {
    String id = openIncident();
    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{\"force\": true}")
        .post("/api/v1/incidents/{id}/resolve", id)
        .then()
        .statusCode(200);

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{\"text\": \"root cause: expired intermediate\"}")
        .post("/api/v1/incidents/{id}/notes", id)
        .then()
        .statusCode(201);
    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{\"text\": \"  \"}")
        .post("/api/v1/incidents/{id}/notes", id)
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo("text"));

    await()
        .atMost(KafkaTestClient.WAIT)
        .until(
            () ->
                Incidents.detail(id)
                    .getList("timeline.message", String.class)
                    .contains("root cause: expired intermediate"));
  }

  @Test
  void commandsNeedAResponder() {
    String id = openIncident();

    given().post("/api/v1/incidents/{id}/acknowledge", id).then().statusCode(401);
    given()
        .auth()
        .preemptive()
        .basic("viewer", "viewer-secret")
        .post("/api/v1/incidents/{id}/acknowledge", id)
        .then()
        .statusCode(403);
    given()
        .auth()
        .preemptive()
        .basic("responder", "wrong")
        .post("/api/v1/incidents/{id}/acknowledge", id)
        .then()
        .statusCode(401);
    assertThat(Incidents.detail(id).getString("status")).isEqualTo("TRIGGERED");
  }

  @Test
  void commandOnAResolvedIncidentIsAConflict() {
    String id = openIncident();
    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{\"force\": true}")
        .post("/api/v1/incidents/{id}/resolve", id)
        .then()
        .statusCode(200);

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .post("/api/v1/incidents/{id}/acknowledge", id)
        .then()
        .statusCode(409)
        .contentType(startsWith(PROBLEM));
  }

  @Test
  void responseTimesCountAcknowledgedAndResolvedIncidents() {
    String id = openIncident();
    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .post("/api/v1/incidents/{id}/acknowledge", id)
        .then()
        .statusCode(200);
    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{\"force\": true}")
        .post("/api/v1/incidents/{id}/resolve", id)
        .then()
        .statusCode(200);

    JsonNode rows =
        given()
            .get("/api/v1/incidents/response-times")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);
    JsonNode critical = null;
    for (JsonNode row : rows) {
      if (row.get("component").asText().equals("-")
          && row.get("severity").asText().equals("CRITICAL")) {
        critical = row;
      }
    }
    assertThat(critical).isNotNull();
    assertThat(critical.get("acknowledged").asInt()).isPositive();
    assertThat(critical.get("resolved").asInt()).isPositive();
    assertThat(critical.get("mttaSeconds").isNumber()).isTrue();
    given()
        .queryParam("from", "yesterday")
        .get("/api/v1/incidents/response-times")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo("from"));
  }
}
