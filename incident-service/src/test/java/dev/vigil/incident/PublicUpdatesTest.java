package dev.vigil.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Responders' public updates and post-incident reviews. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class PublicUpdatesTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @Inject ObjectMapper mapper;

  private static RequestSpecification responder() {
    return given().auth().preemptive().basic("responder", "responder-secret");
  }

  private static Map<String, Object> publicIncident(String id) {
    JsonPath summary = given().get("/api/v2/summary.json").then().extract().jsonPath();
    return summary.getMap("incidents.find { it.id == '" + id + "' }");
  }

  @Test
  void aPublishedUpdateReplacesTheGenericWordsAndADraftWaits() {
    String chain = "pu-" + UUID.randomUUID();
    PublicWords.component(chain);
    String incident;
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      incident = PublicWords.incident(kafka, mapper, alertsTopic, chain);
    }
    await().atMost(KafkaTestClient.WAIT).until(() -> publicIncident(incident) != null);
    assertThat(publicIncident(incident)).containsEntry("status", "investigating");

    String draft =
        responder()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "status", "identified",
                    "title", "Deposits on Base delayed",
                    "body", "A stuck sequencer delays deposits; withdrawals work.",
                    "publish", false))
            .post("/api/v1/incidents/{id}/public-updates", incident)
            .then()
            .statusCode(201)
            .body("publishedAt", equalTo(null))
            .extract()
            .path("id");
    assertThat(publicIncident(incident)).containsEntry("status", "investigating");

    responder()
        .post("/api/v1/incidents/{id}/public-updates/{u}/publish", incident, draft)
        .then()
        .statusCode(200)
        .body("publishedBy", equalTo("responder"));

    Map<String, Object> shown = publicIncident(incident);
    assertThat(shown)
        .containsEntry("status", "identified")
        .containsEntry("name", "Deposits on Base delayed");
    JsonPath summary = given().get("/api/v2/summary.json").then().extract().jsonPath();
    assertThat(
            summary.getString(
                "incidents.find { it.id == '" + incident + "' }.incident_updates[0].body"))
        .isEqualTo("A stuck sequencer delays deposits; withdrawals work.");
    assertThat(Incidents.detail(incident).getList("timeline.kind", String.class))
        .contains("PUBLIC_UPDATE");
    responder()
        .post("/api/v1/incidents/{id}/public-updates/{u}/publish", incident, draft)
        .then()
        .statusCode(409);
  }

  @Test
  void badPublicUpdateIsAProblemNamingTheField() {
    String chain = "pu-bad-" + UUID.randomUUID();
    PublicWords.component(chain);
    String incident;
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      incident = PublicWords.incident(kafka, mapper, alertsTopic, chain);
    }
    responder()
        .contentType(ContentType.JSON)
        .body(Map.of("status", "fixed", "body", "x"))
        .post("/api/v1/incidents/{id}/public-updates", incident)
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo("status"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("status", "identified", "body", "x"))
        .post("/api/v1/incidents/{id}/public-updates", incident)
        .then()
        .statusCode(401);
  }

  @Test
  void postIncidentReviewIsKeptWithTheIncident() {
    String chain = "pm-" + UUID.randomUUID();
    String incident;
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      incident = PublicWords.incident(kafka, mapper, alertsTopic, chain);
    }
    responder()
        .contentType(ContentType.JSON)
        .body(Map.of("impact", "Deposits delayed 33 min"))
        .put("/api/v1/incidents/{id}/postmortem", incident)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rootCause"));

    responder()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "impact", "Deposits delayed 33 min",
                "rootCause", "Sequencer unsafe head stalled",
                "followUps", java.util.List.of("Alert on unsafe head age", "Fail over RPC")))
        .put("/api/v1/incidents/{id}/postmortem", incident)
        .then()
        .statusCode(200)
        .body("postmortem.rootCause", equalTo("Sequencer unsafe head stalled"))
        .body("postmortem.updatedBy", equalTo("responder"))
        .body("postmortem.followUps[1]", equalTo("Fail over RPC"));
    assertThat(Incidents.detail(incident).getList("timeline.kind", String.class))
        .contains("POSTMORTEM");
  }
}
