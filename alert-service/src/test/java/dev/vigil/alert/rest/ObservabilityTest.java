package dev.vigil.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.alert.TestScans;
import dev.vigil.alert.service.AlertService;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class ObservabilityTest {

  @Inject AlertService service;

  @Test
  void healthIsUp() {
    given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsExposeJvmKafkaAndAlertTransitions() {
    service.apply(
        UUID.randomUUID().toString(),
        TestScans.completed("t-" + UUID.randomUUID(), "metrics.example.com", 2));

    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_"))
        .body(containsString("kafka_"))
        .body(containsString("vigil_alerts_transitions_total{transition=\"fire\""))
        .body(containsString("vigil_alerts_transitions_total{transition=\"resolve\""));
  }
}
