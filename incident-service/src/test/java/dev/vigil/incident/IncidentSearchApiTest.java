package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Filtering the incident list by severity and component (REST and console share the query). */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentSearchApiTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @Inject ObjectMapper mapper;

  @Test
  void listFiltersBySeverityAndComponent() {
    String team = "team-" + UUID.randomUUID();
    String component = "s-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .auth()
        .preemptive()
        .basic("admin", "admin-secret")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Search check", "match", Map.of("target", team + "-a")))
        .put("/api/v1/components/{id}", component)
        .then()
        .statusCode(201);
    String critical = fire(team + "-a", Severity.CRITICAL);
    String warning = fire(team + "-b", Severity.WARNING);

    assertThat(ids("critical", component)).containsExactly(critical);
    assertThat(ids("warning", component)).isEmpty();
    assertThat(ids("warning", null)).contains(warning).doesNotContain(critical);
    assertThat(ids(null, component)).containsExactly(critical);
  }

  @Test
  void unknownSeverityIsAProblemNamingIt() {
    given()
        .queryParam("severity", "fatal")
        .get("/api/v1/incidents")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("severity"));
  }

  private List<String> ids(String severity, String component) {
    var request = given().queryParam("limit", 500);
    if (severity != null) {
      request = request.queryParam("severity", severity);
    }
    if (component != null) {
      request = request.queryParam("component", component);
    }
    return request
        .get("/api/v1/incidents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("id", String.class);
  }

  private String fire(String target, Severity severity) {
    String group = "grp-" + target;
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      kafka.send(
          alertsTopic,
          target,
          ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
          Incidents.json(mapper, Incidents.fired(group, target, severity, "search " + target)));
    }
    return Incidents.awaitIncidentOf(group);
  }
}
