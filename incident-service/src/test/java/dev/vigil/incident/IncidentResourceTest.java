package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @Inject ObjectMapper mapper;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrap);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  private void send(String type, String fp, Object payload) {
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), type),
        Incidents.json(mapper, payload));
  }

  @Test
  void unknownIncidentIsAProblem404() {
    given()
        .get("/api/v1/incidents/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(startsWith(PROBLEM))
        .body("status", equalTo(404))
        .body("title", equalTo("Not found"));
  }

  @Test
  void nonUuidIdIsAProblem400NamingId() {
    given()
        .get("/api/v1/incidents/{id}", "not-a-uuid")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo("id"));
  }

  @Test
  void unknownStatusFilterIsAProblem400NamingStatus() {
    given()
        .queryParam("status", "closed")
        .get("/api/v1/incidents")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo("status"));
  }

  @ParameterizedTest(name = "limit={0}")
  @CsvSource({"0", "501", "abc", "-5"})
  void limitOutsideOneToFiveHundredIsAProblem400NamingLimit(String limit) {
    given()
        .queryParam("limit", limit)
        .get("/api/v1/incidents")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void listIsNewestFirstAndFiltersByStatusWithinTheLimit() {
    String older = "grp-older-" + UUID.randomUUID();
    String newer = "grp-newer-" + UUID.randomUUID();
    String olderFp = "fp-" + UUID.randomUUID();
    send(
        EventType.ALERT_FIRED.type(),
        olderFp,
        Incidents.fired(older, olderFp, Severity.INFO, null));
    String olderId = Incidents.awaitIncidentOf(older);
    String newerFp = "fp-" + UUID.randomUUID();
    send(
        EventType.ALERT_FIRED.type(),
        newerFp,
        Incidents.fired(newer, newerFp, Severity.CRITICAL, null));
    String newerId = Incidents.awaitIncidentOf(newer);
    send(EventType.ALERT_RESOLVED.type(), olderFp, Incidents.resolved(older, olderFp));
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> "RESOLVED".equals(Incidents.detail(olderId).getString("status")));

    List<String> all =
        given()
            .queryParam("limit", 500)
            .get("/api/v1/incidents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id", String.class);
    assertThat(all).containsSubsequence(newerId, olderId);

    List<String> open =
        given()
            .queryParam("status", "open")
            .queryParam("limit", 500)
            .get("/api/v1/incidents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("status", String.class);
    assertThat(open).isNotEmpty().doesNotContain("RESOLVED");
    List<String> openIds =
        given()
            .queryParam("status", "open")
            .queryParam("limit", 500)
            .get("/api/v1/incidents")
            .then()
            .extract()
            .jsonPath()
            .getList("id", String.class);
    assertThat(openIds).contains(newerId).doesNotContain(olderId);

    List<String> resolved =
        given()
            .queryParam("status", "resolved")
            .queryParam("limit", 500)
            .get("/api/v1/incidents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("status", String.class);
    assertThat(resolved).isNotEmpty().containsOnly("RESOLVED");

    List<String> one =
        given()
            .queryParam("limit", 1)
            .get("/api/v1/incidents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id", String.class);
    assertThat(one).hasSize(1);
  }

  @Test
  void detailShowsAlertsAndTimeline() {
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    send(EventType.ALERT_FIRED.type(), fp, Incidents.fired(group, fp, Severity.WARNING, "disk"));
    String id = Incidents.awaitIncidentOf(group);

    given()
        .get("/api/v1/incidents/{id}", id)
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("id", equalTo(id))
        .body("groupKey", equalTo(group))
        .body("title", equalTo("disk"))
        .body("status", equalTo("TRIGGERED"))
        .body("labels.team", equalTo("edge"))
        .body("alerts[0].fingerprint", equalTo(fp))
        .body("alerts[0].status", equalTo("FIRING"))
        .body("alerts[0].summary", equalTo("disk"))
        .body("timeline[0].kind", equalTo("OPENED"))
        .body("timeline[0].actor", equalTo("system"))
        .body("timeline[0].alertFingerprint", equalTo(fp));
  }

  @Test
  void pagesFollowTheLinkHeaderWithoutGapsOrRepeats() {
    for (int i = 0; i < 3; i++) {
      String group = "grp-page-" + UUID.randomUUID();
      String fp = "fp-" + UUID.randomUUID();
      send(EventType.ALERT_FIRED.type(), fp, Incidents.fired(group, fp, Severity.INFO, null));
      Incidents.awaitIncidentOf(group);
    }
    List<String> all =
        given().queryParam("limit", 500).get("/api/v1/incidents").jsonPath().getList("id");

    io.restassured.response.Response first =
        given().queryParam("limit", 2).get("/api/v1/incidents");
    String next = first.getHeader("Link");
    assertThat(next).contains("rel=\"next\"").contains("cursor=");
    String url = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
    List<String> second =
        given().get(url).then().statusCode(200).extract().jsonPath().getList("id");

    List<String> firstIds = first.jsonPath().getList("id");
    assertThat(firstIds).hasSize(2);
    assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    assertThat(all.subList(0, 2 + second.size()))
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(firstIds.stream(), second.stream()).toList());
  }

  @Test
  void aCursorThatWasNotIssuedIsAProblem400() {
    given()
        .queryParam("cursor", "not-a-cursor")
        .get("/api/v1/incidents")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void openApiDescribesTheApiAndSwaggerUiServesIt() {
    String spec =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(spec)
        .contains("/api/v1/incidents/{id}/acknowledge")
        .contains("/api/v2/summary.json")
        .contains("/api/v1/sla/report");
    given().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
  }
}
