package dev.vigil.incident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.Severity;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test helpers: alert payloads and incident look-ups through the REST API. */
final class Incidents {

  private Incidents() {}

  static AlertFired fired(String group, String fingerprint, Severity severity, String summary) {
    return new AlertFired(
        fingerprint,
        "CertificateExpiring",
        severity,
        Map.of("team", "edge", "target", fingerprint),
        summary == null ? Map.of() : Map.of("summary", summary),
        group,
        Instant.now(),
        Instant.now(),
        5.0,
        null);
  }

  static AlertResolved resolved(String group, String fingerprint) {
    return new AlertResolved(
        fingerprint,
        "CertificateExpiring",
        Map.of("team", "edge"),
        group,
        Instant.now(),
        Instant.now(),
        "certificate renewed",
        null);
  }

  static String json(ObjectMapper mapper, Object payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ids of the incidents of {@code group}, newest first. */
  static List<String> idsOfGroup(String group) {
    return given()
        .queryParam("limit", 500)
        .get("/api/v1/incidents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("findAll { it.groupKey == '" + group + "' }.id", String.class);
  }

  /** Waits for the (first) incident of {@code group} to appear and returns its id. */
  static String awaitIncidentOf(String group) {
    await().atMost(KafkaTestClient.WAIT).until(() -> !idsOfGroup(group).isEmpty());
    return idsOfGroup(group).get(0);
  }

  static JsonPath detail(String id) {
    return given().get("/api/v1/incidents/{id}", id).then().statusCode(200).extract().jsonPath();
  }
}
