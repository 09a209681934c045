package dev.vigil.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.vigil.alert.TestScans;
import dev.vigil.alert.service.AlertService;
import dev.vigil.alert.service.AlertTransitioned;
import dev.vigil.events.CertificateScanned;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class AlertResourceTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  @Inject AlertService service;

  @Test
  void listShowsFiringAlertsNewestFirstByDefault() {
    String older = fire("older.example.com", 5);
    String newer = fire("newer.example.com", 20);
    String resolved = fire("renewed.example.com", 5);
    renew(resolved, "renewed.example.com");

    List<String> firing =
        given()
            .get("/api/v1/alerts")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .jsonPath()
            .getList("fingerprint", String.class);

    assertThat(firing).contains(older, newer).doesNotContain(resolved);
    assertThat(firing.indexOf(newer)).isLessThan(firing.indexOf(older));
  }

  @Test
  void statusFilterSelectsResolvedOrAllAlerts() {
    String firing = fire("firing.example.com", 5);
    String resolved = fire("gone.example.com", 5);
    renew(resolved, "gone.example.com");

    given()
        .queryParam("status", "resolved")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("fingerprint", hasItem(resolved))
        .body("fingerprint", not(hasItem(firing)));
    given()
        .queryParam("status", "ALL")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("fingerprint", hasItems(firing, resolved));
  }

  @Test
  void singleAlertShowsItsLabelsAndAnnotations() {
    String fingerprint = fire("one.example.com", 20);

    given()
        .get("/api/v1/alerts/{fp}", fingerprint)
        .then()
        .statusCode(200)
        .body("fingerprint", equalTo(fingerprint))
        .body("alertName", equalTo("CertificateExpiring"))
        .body("status", equalTo("FIRING"))
        .body("severity", equalTo("WARNING"))
        .body("labels.host", equalTo("one.example.com"))
        .body(
            "annotations.summary",
            equalTo("Certificate for one.example.com:443 expires in 20 days"))
        .body("value", equalTo(20.0f));
  }

  @Test
  void unknownFingerprintIsAProblem404() {
    given()
        .get("/api/v1/alerts/{fp}", "0123456789abcdef0123456789abcdef")
        .then()
        .statusCode(404)
        .contentType(PROBLEM_JSON)
        .body("status", equalTo(404))
        .body("title", equalTo("Not found"))
        .body("detail", containsString("0123456789abcdef0123456789abcdef"));
  }

  @Test
  void unknownStatusFilterIsAProblem400NamingTheParameter() {
    given()
        .queryParam("status", "burning")
        .get("/api/v1/alerts")
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON)
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo("status"))
        .body("errors[0].message", containsString("firing, pending, resolved, inactive, all"));
  }

  @Test
  void outOfRangeLimitIsAProblem400NamingTheParameter() {
    given()
        .queryParam("limit", 0)
        .get("/api/v1/alerts")
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON)
        .body("errors[0].field", equalTo("limit"));
  }

  /** Fires an alert for a fresh target through the service; returns its fingerprint. */
  private String fire(String host, long daysLeft) {
    CertificateScanned scan = TestScans.completed(targetOf(host), host, daysLeft);
    List<AlertTransitioned> result = service.apply(UUID.randomUUID().toString(), scan);
    return result.get(0).fingerprint();
  }

  private void renew(String fingerprint, String host) {
    List<AlertTransitioned> result =
        service.apply(UUID.randomUUID().toString(), TestScans.completed(targetOf(host), host, 200));
    assertThat(result).extracting(AlertTransitioned::fingerprint).containsExactly(fingerprint);
  }

  /** One target per host and test run, so tests sharing the database do not meet. */
  private final String run = UUID.randomUUID().toString();

  private String targetOf(String host) {
    return host + "-" + run;
  }
}
