package dev.vigil.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class ObservabilityTest {

  @Test
  void healthAnswersOk() {
    given()
        .get("/q/health")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("UP"));
  }

  @Test
  void metricsExposeTheIncidentCounter() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("vigil_incidents_total{"))
        .body(containsString("event=\"opened\""))
        .body(containsString("event=\"resolved\""));
  }
}
