package dev.vigil.scanner.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class TargetResourceTest {

  static RequestSpecification operator() {
    return given().auth().preemptive().basic("operator", "test-operator-password");
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
  void registeredTargetIsListedWithItsLabels() {
    String id =
        operator()
            .contentType(ContentType.JSON)
            .body("{\"host\":\"localhost\",\"port\":443,\"labels\":{\"team\":\"payments\"}}")
            .post("/api/v1/targets")
            .then()
            .statusCode(201)
            .header("Location", startsWith("http"))
            .body("labels.team", equalTo("payments"))
            .extract()
            .path("id");

    given().get("/api/v1/targets").then().statusCode(200).body("id", hasItem(id));
    given().get("/api/v1/targets/" + id).then().statusCode(200).body("port", equalTo(443));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          host with a space       | {"host":"not a host","port":443}                  | host
          blank host              | {"host":"","port":443}                            | host
          port zero               | {"host":"example.com","port":0}                   | port
          port above 65535        | {"host":"example.com","port":70000}               | port
          missing port            | {"host":"example.com"}                            | port
          unknown field           | {"host":"example.com","port":443,"colour":"red"}  | colour
          port is text            | {"host":"example.com","port":"https"}             | port
          metadata address        | {"host":"169.254.169.254","port":80}              | host
          metadata host name      | {"host":"metadata.google.internal","port":80}     | host
          bad server name         | {"host":"example.com","port":443,"serverName":"a b"} | serverName
          bad label name          | {"host":"example.com","port":443,"labels":{"a-b":"x"}} | labels.a-b
          """)
  void invalidTargetIsRejectedWithProblemNamingTheFieldAndNothingIsStored(
      String name, String body, String field) {
    int before = targetCount();
    operator()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/targets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItem(field));
    org.assertj.core.api.Assertions.assertThat(targetCount()).isEqualTo(before);
  }

  @Test
  void malformedJsonIsAProblemToo() {
    operator()
        .contentType(ContentType.JSON)
        .body("{\"host\":")
        .post("/api/v1/targets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void changingTargetsNeedsTheOperatorRole() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"host\":\"example.com\",\"port\":443}")
        .post("/api/v1/targets")
        .then()
        .statusCode(401);
    given()
        .auth()
        .preemptive()
        .basic("operator", "wrong")
        .contentType(ContentType.JSON)
        .body("{\"host\":\"example.com\",\"port\":443}")
        .post("/api/v1/targets")
        .then()
        .statusCode(401);
  }

  @Test
  void unknownTargetIsAProblem404() {
    given()
        .get("/api/v1/targets/does-not-exist")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("title", equalTo("Not found"));
    operator().delete("/api/v1/targets/does-not-exist").then().statusCode(404);
  }

  @Test
  void healthAndMetricsAnswer() {
    given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/metrics").then().statusCode(200);
    List.of("/q/health/live", "/q/health/ready")
        .forEach(p -> given().get(p).then().statusCode(200));
  }
}
