package dev.vigil.scanner.rest;

import static dev.vigil.scanner.rest.TargetResourceTest.operator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class TargetImportTest {

  static {
    // RestAssured does not know how to send YAML bodies; they are text.
    io.restassured.RestAssured.config =
        io.restassured.RestAssured.config()
            .encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/yaml", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("text/csv", io.restassured.http.ContentType.TEXT));
  }

  private static int targetCount() {
    return given()
        .get("/api/v1/targets")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }

  @Test
  void csvImportRegistersEveryRowWithItsLabels() {
    String csv =
        """
        host,port,serverName,intervalSeconds,labels
        csv-one.example.com,443,,600,team=payments;env=prod
        192.0.2.44,8443,api.example.com,,team=edge
        """;
    operator()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/targets/import")
        .then()
        .statusCode(201)
        .body("$", hasSize(2))
        .body("[0].labels.env", equalTo("prod"))
        .body("[0].intervalSeconds", equalTo(600))
        .body("[1].serverName", equalTo("api.example.com"));
    given().get("/api/v1/targets").then().body("host", hasItem("csv-one.example.com"));
  }

  @Test
  void yamlImportAcceptsATargetsList() {
    String yaml =
        """
        targets:
          - host: yaml-one.example.com
            port: 443
            labels: {team: payments}
          - host: yaml-two.example.com
            port: 993
        """;
    operator()
        .contentType("application/yaml")
        .body(yaml)
        .post("/api/v1/targets/import")
        .then()
        .statusCode(201)
        .body("host", hasItem("yaml-two.example.com"));
  }

  @Test
  void csvAndYamlImportsCarryExpiryThresholds() {
    String csv =
        """
        host,port,warningDays,criticalDays,lifetimePercent
        thresholds-csv.example.com,443,45,21,67
        thresholds-plain.example.com,443,,,
        """;
    operator()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/targets/import")
        .then()
        .statusCode(201)
        .body("[0].warningDays", equalTo(45))
        .body("[0].criticalDays", equalTo(21))
        .body("[0].lifetimePercent", equalTo(67))
        .body("[1].warningDays", equalTo(null));
    operator()
        .contentType("application/yaml")
        .body("- host: thresholds-yaml.example.com\n  port: 443\n  criticalDays: 7\n")
        .post("/api/v1/targets/import")
        .then()
        .statusCode(201)
        .body("[0].criticalDays", equalTo(7));
  }

  @Test
  void invalidThresholdsAreNamedAndNothingIsStored() {
    int before = targetCount();
    String csv =
        """
        host,port,warningDays,criticalDays,lifetimePercent
        ok.example.com,443,30,10,
        bad.example.com,443,10,20,150
        """;
    operator()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/targets/import")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("targets[1].criticalDays"))
        .body("errors.field", hasItem("targets[1].lifetimePercent"));
    assertThat(targetCount()).isEqualTo(before);
  }

  @Test
  void oneBadRowRejectsTheWholeImportAndNamesTheRow() {
    int before = targetCount();
    String csv =
        """
        host,port
        fine.example.com,443
        bad.example.com,99999
        """;
    operator()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/targets/import")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("targets[1].port"));
    assertThat(targetCount()).isEqualTo(before);
  }

  @Test
  void unknownYamlFieldAndUnknownCsvColumnAreNamed() {
    operator()
        .contentType("application/yaml")
        .body("- host: a.example.com\n  port: 443\n  colour: red\n")
        .post("/api/v1/targets/import")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("targets[0].colour"));
    operator()
        .contentType("text/csv")
        .body("host,port,colour\na.example.com,443,red\n")
        .post("/api/v1/targets/import")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("targets[0].colour"));
  }

  @Test
  void importNeedsTheOperatorRole() {
    given()
        .contentType("text/csv")
        .body("host,port\na.example.com,443\n")
        .post("/api/v1/targets/import")
        .then()
        .statusCode(401);
  }

  @Test
  void targetCanBeReplacedAndDeleted() {
    String id =
        operator()
            .contentType("application/json")
            .body("{\"host\":\"replace-me.example.com\",\"port\":443}")
            .post("/api/v1/targets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    operator()
        .contentType("application/json")
        .body("{\"host\":\"replaced.example.com\",\"port\":8443,\"intervalSeconds\":60}")
        .put("/api/v1/targets/" + id)
        .then()
        .statusCode(200)
        .body("host", equalTo("replaced.example.com"))
        .body("registeredBy", equalTo("operator"));
    operator().delete("/api/v1/targets/" + id).then().statusCode(204);
    // The tombstone also travels through the targets topic; the row stays gone once it has.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> given().get("/api/v1/targets/" + id).statusCode() == 404);
  }
}
