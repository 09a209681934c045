package dev.vigil.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.vigil.alert.TestUsers;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change needs a role; reads stay public, as in Alertmanager. Real basic auth. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class AuthorizationTest {

  private static final String RULE =
      """
      expr: "true"
      source: vigil.inbound
      severity: warning
      """;
  private static final String SILENCE =
      """
      {"matchers": [{"name": "alertname", "value": "AuthTest", "isRegex": false}],
       "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2099-01-01T00:00:00Z",
       "createdBy": "someone", "comment": "must not be stored"}
      """;
  private static final String ALERTS =
      """
      [{"labels": {"alertname": "AuthTest", "instance": "auth-test:9100"},
        "startsAt": "2026-03-01T10:00:00Z"}]
      """;

  static Stream<Arguments> cases() {
    Supplier<RequestSpecification> anonymous = () -> given();
    Supplier<RequestSpecification> wrongPassword =
        () -> given().auth().preemptive().basic("operator", "not-the-password");
    Supplier<RequestSpecification> viewer = TestUsers::asViewer;
    Supplier<RequestSpecification> sender = TestUsers::asAlertSender;
    return Stream.of(
        Arguments.of(
            "anonymous cannot store a rule", anonymous, "PUT", "/api/v1/rules/AuthTest", RULE, 401),
        Arguments.of(
            "a wrong password is refused",
            wrongPassword,
            "PUT",
            "/api/v1/rules/AuthTest",
            RULE,
            401),
        Arguments.of(
            "a viewer cannot store a rule", viewer, "PUT", "/api/v1/rules/AuthTest", RULE, 403),
        Arguments.of(
            "anonymous cannot delete a rule",
            anonymous,
            "DELETE",
            "/api/v1/rules/AuthTest",
            null,
            401),
        Arguments.of(
            "anonymous cannot create a silence",
            anonymous,
            "POST",
            "/api/v2/silences",
            SILENCE,
            401),
        Arguments.of(
            "an alert sender cannot create a silence",
            sender,
            "POST",
            "/api/v2/silences",
            SILENCE,
            403),
        Arguments.of(
            "anonymous cannot expire a silence",
            anonymous,
            "DELETE",
            "/api/v2/silence/x",
            null,
            401),
        Arguments.of(
            "anonymous cannot push alerts", anonymous, "POST", "/api/v2/alerts", ALERTS, 401),
        Arguments.of("a viewer cannot push alerts", viewer, "POST", "/api/v2/alerts", ALERTS, 403),
        Arguments.of(
            "an alert sender may push alerts", sender, "POST", "/api/v2/alerts", ALERTS, 200),
        Arguments.of("anyone may list alerts", anonymous, "GET", "/api/v1/alerts", null, 200),
        Arguments.of("anyone may list rules", anonymous, "GET", "/api/v1/rules", null, 200),
        Arguments.of("anyone may list silences", anonymous, "GET", "/api/v2/silences", null, 200),
        Arguments.of(
            "anyone may read the notification log",
            anonymous,
            "GET",
            "/api/v1/notifications",
            null,
            200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void access(
      String name,
      Supplier<RequestSpecification> user,
      String method,
      String path,
      String body,
      int status) {
    RequestSpecification request = user.get();
    if (body != null) {
      request =
          request
              .contentType(body.startsWith("expr") ? ContentType.TEXT : ContentType.JSON)
              .body(body);
    }
    request.request(method, path).then().statusCode(status);
  }

  @Test
  void refusedWritesStoreNothing() {
    given()
        .contentType(ContentType.JSON)
        .body(SILENCE)
        .post("/api/v2/silences")
        .then()
        .statusCode(401);
    TestUsers.asViewer()
        .contentType(ContentType.TEXT)
        .body(RULE)
        .put("/api/v1/rules/AuthTest")
        .then()
        .statusCode(403);
    given()
        .get("/api/v2/silences")
        .then()
        .statusCode(200)
        .body("comment", not(hasItem("must not be stored")));
    given().get("/api/v1/rules/AuthTest").then().statusCode(404);
  }
}
