package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Test helpers: a component, and an incident that affects it. */
final class PublicWords {

  private PublicWords() {}

  /** Defines a component matching {@code chain=<chain>} and returns its id. */
  static String component(String chain) {
    String id = "pw-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .auth()
        .preemptive()
        .basic("admin", "admin-secret")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Chain " + chain, "match", Map.of("chain", chain)))
        .put("/api/v1/components/{id}", id)
        .then()
        .statusCode(201);
    return id;
  }

  /** Fires a critical alert for {@code chain} and returns the incident id. */
  static String incident(KafkaTestClient kafka, ObjectMapper mapper, String topic, String chain) {
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    kafka.send(
        topic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(
            mapper,
            new AlertFired(
                fp,
                "RpcDown",
                Severity.CRITICAL,
                Map.of("chain", chain),
                Map.of(),
                group,
                Instant.now(),
                Instant.now(),
                null,
                null)));
    return Incidents.awaitIncidentOf(group);
  }
}
