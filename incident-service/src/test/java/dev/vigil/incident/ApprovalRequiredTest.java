package dev.vigil.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With approval required, nothing reaches customers before a responder has published words. */
@QuarkusTest
@TestProfile(ApprovalRequiredTest.RequireApproval.class)
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class ApprovalRequiredTest {

  public static class RequireApproval implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("vigil.status-page.require-approval", "true");
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @Inject ObjectMapper mapper;

  private static List<String> unresolved() {
    return given()
        .get("/api/v2/incidents/unresolved.json")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("incidents.id", String.class);
  }

  private static String publicStatus(String component) {
    return given()
        .get("/api/v2/components.json")
        .then()
        .extract()
        .jsonPath()
        .getString("components.find { it.id == '" + component + "' }.status");
  }

  @Test
  void incidentStaysPrivateUntilAnUpdateIsPublished() {
    String chain = "ap-" + UUID.randomUUID();
    String component = PublicWords.component(chain);
    String incident;
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      incident = PublicWords.incident(kafka, mapper, alertsTopic, chain);
    }
    // The operator view already shows the outage ...
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(
            () ->
                "major_outage"
                    .equals(
                        given()
                            .get("/api/v1/components/{id}", component)
                            .then()
                            .extract()
                            .path("status")));
    // ... the public one does not.
    assertThat(unresolved()).doesNotContain(incident);
    assertThat(publicStatus(component)).isEqualTo("operational");

    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .contentType(ContentType.JSON)
        .body(Map.of("status", "investigating", "body", "We are looking into RPC errors."))
        .post("/api/v1/incidents/{id}/public-updates", incident)
        .then()
        .statusCode(201);

    assertThat(unresolved()).contains(incident);
    assertThat(publicStatus(component)).isEqualTo("major_outage");
  }
}
