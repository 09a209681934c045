package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Components follow incidents through their labels, and the public Statuspage-shaped API shows
 * them. Tests share one database, so each uses its own component ids and looks only at those.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class StatusPageApiTest {

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

  private static RequestSpecification admin() {
    return given().auth().preemptive().basic("admin", "admin-secret");
  }

  private static String defineComponent(String chain) {
    String id = "chain-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\": \"Chain "
                + chain
                + "\", \"position\": 3, \"match\": {\"chain\": \""
                + chain
                + "\"}}")
        .put("/api/v1/components/{id}", id)
        .then()
        .statusCode(201)
        .body("status", equalTo("operational"));
    return id;
  }

  private void fire(String group, String fp, String chain) {
    AlertFired fired =
        new AlertFired(
            fp,
            "HeadStalled",
            Severity.CRITICAL,
            Map.of("chain", chain, "provider", "p1"),
            Map.of("summary", "head of rpc-internal-7 stalled"),
            group,
            Instant.now(),
            Instant.now(),
            120.0,
            null);
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(mapper, fired));
  }

  private void resolve(String group, String fp) {
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_RESOLVED.type()),
        Incidents.json(
            mapper,
            new AlertResolved(
                fp, "HeadStalled", Map.of(), group, Instant.now(), Instant.now(), "ok", null)));
  }

  private static String componentStatus(String id) {
    return given().get("/api/v1/components/{id}", id).then().extract().path("status");
  }

  @Test
  void anAlertWithTheComponentsLabelsTakesItDownAndTheSummaryShowsIt() {
    String chain = "chain-" + UUID.randomUUID();
    String component = defineComponent(chain);
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();

    fire(group, fp, chain);

    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> "major_outage".equals(componentStatus(component)));
    JsonPath summary =
        given().get("/api/v2/summary.json").then().statusCode(200).extract().jsonPath();
    assertThat(summary.getString("page.id")).isEqualTo("vigil");
    assertThat(summary.getString("status.indicator")).isEqualTo("critical");
    assertThat(summary.getString("components.find { it.id == '" + component + "' }.status"))
        .isEqualTo("major_outage");
    String incidentId = Incidents.idsOfGroup(group).get(0);
    Map<String, Object> incident =
        summary.getMap("incidents.find { it.id == '" + incidentId + "' }");
    assertThat(incident)
        .containsEntry("status", "investigating")
        .containsEntry("impact", "critical");
    assertThat(incident.get("name").toString())
        .contains("Chain " + chain)
        .doesNotContain("rpc-internal-7");
    assertThat(summary.getList("incidents.find { it.id == '" + incidentId + "' }.components.id"))
        .containsExactly(component);

    resolve(group, fp);

    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> "operational".equals(componentStatus(component)));
    assertThat(
            given()
                .get("/api/v2/incidents/unresolved.json")
                .then()
                .extract()
                .jsonPath()
                .getList("incidents.id", String.class))
        .doesNotContain(incidentId);
    assertThat(
            given()
                .get("/api/v2/incidents.json")
                .then()
                .extract()
                .jsonPath()
                .getString("incidents.find { it.id == '" + incidentId + "' }.status"))
        .isEqualTo("resolved");
    JsonPath uptime =
        given()
            .queryParam("days", 2)
            .get("/api/v1/components/{id}/uptime", component)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(uptime.getList("days")).hasSize(2);
    assertThat(uptime.getDouble("total.percent")).isLessThan(100.0);
    assertThat(uptime.getString("total.worst")).isEqualTo("major_outage");
  }

  @Test
  void incidentsWithoutComponentsStayOffThePublicPage() {
    String group = "grp-internal-" + UUID.randomUUID();
    fire(group, "fp-" + UUID.randomUUID(), "no-component-matches-" + UUID.randomUUID());
    String incidentId = Incidents.awaitIncidentOf(group);

    List<String> published =
        given()
            .get("/api/v2/incidents.json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("incidents.id", String.class);

    assertThat(published).doesNotContain(incidentId);
  }

  @Test
  void aRunningMaintenanceWindowPutsItsComponentUnderMaintenance() {
    String component = defineComponent("maint-" + UUID.randomUUID());
    Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title", "Database upgrade",
                "components", List.of(component),
                "startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString()))
        .post("/api/v1/maintenances")
        .then()
        .statusCode(201)
        .body("status", equalTo("in_progress"))
        .body("createdBy", equalTo("responder"));

    assertThat(componentStatus(component)).isEqualTo("under_maintenance");
    JsonPath maintenances =
        given()
            .get("/api/v2/scheduled-maintenances.json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(
            maintenances.getString(
                "scheduled_maintenances.find { it.components.id.contains('"
                    + component
                    + "') }.status"))
        .isEqualTo("in_progress");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bad Id!|{\"name\": \"x\", \"match\": {\"a\": \"b\"}}|id",
        "ok-id|{\"match\": {\"a\": \"b\"}}|name",
        "ok-id|{\"name\": \"x\", \"match\": {}}|match",
        "ok-id|{\"name\": \"x\", \"match\": {\"a\": \"b\"}, \"impact\": {\"CRITICAL\": \"broken\"}}|impact.CRITICAL",
        "ok-id|{\"name\": \"x\", \"match\": {\"a\": \"b\"}, \"impact\": {\"FATAL\": \"major_outage\"}}|impact.FATAL"
      })
  void invalidComponentIsAProblemNamingTheField(String id, String body, String field) {
    admin()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/components/{id}", id)
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo(field));
    given().get("/api/v1/components/{id}", "ok-id").then().statusCode(404);
  }

  @Test
  void onlyAdminsDefineComponents() {
    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body("{\"name\": \"x\", \"match\": {\"a\": \"b\"}}")
        .put("/api/v1/components/{id}", "by-responder")
        .then()
        .statusCode(403);
    given().get("/api/v1/components/{id}", "by-responder").then().statusCode(404);
  }
}
