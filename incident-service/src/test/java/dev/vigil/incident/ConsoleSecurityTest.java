package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The console's HTTP contract without a browser: form login beside Basic auth, CSRF on its forms,
 * and no cookies on public pages.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class ConsoleSecurityTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @Inject ObjectMapper mapper;

  @Test
  void consoleRedirectsToTheLoginPageWhileTheApiChallengesForBasic() {
    given()
        .redirects()
        .follow(false)
        .get("/console/incidents")
        .then()
        .statusCode(302)
        .header("Location", containsString("/console/login"));
    given()
        .post("/api/v1/incidents/{id}/acknowledge", UUID.randomUUID())
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWithIgnoringCase("basic"));
    given()
        .auth()
        .preemptive()
        .basic("responder", "responder-secret")
        .post("/api/v1/incidents/{id}/acknowledge", UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void aViewerIsRefusedWithAPageAndTheIncidentStaysAsItWas() {
    String id = openIncident("viewer check");
    String session = signIn("viewer", "viewer-secret");
    Response page = given().cookie("quarkus-credential", session).get("/console/incident?id=" + id);
    String token = page.getCookie("vigil-csrf");
    given()
        .redirects()
        .follow(false)
        .cookie("quarkus-credential", session)
        .cookie("vigil-csrf", token)
        .formParam("csrf-token", token)
        .post("/console/incidents/{id}/acknowledge", id)
        .then()
        .statusCode(403)
        .contentType(containsString("text/html"))
        .body(containsString("Not allowed"), containsString("responder or admin role"));
    assertThat(Incidents.detail(id).getString("status")).isEqualTo("TRIGGERED");
  }

  @Test
  void publicPagesAndApisSetNoCookie() {
    given().get("/status").then().statusCode(200).header("Set-Cookie", nullValue());
    given().get("/api/v2/summary.json").then().statusCode(200).header("Set-Cookie", nullValue());
    given().get("/api/v1/incidents").then().statusCode(200).header("Set-Cookie", nullValue());
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
    String id = openIncident("csrf check");
    String session = signIn("responder", "responder-secret");

    // Signed in, the page renders and hands out a token ...
    Response page = given().cookie("quarkus-credential", session).get("/console/incident?id=" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    String token = page.getCookie("vigil-csrf");
    assertThat(token).isNotBlank();

    // ... a forged form (no token) is refused ...
    given()
        .redirects()
        .follow(false)
        .cookie("quarkus-credential", session)
        .cookie("vigil-csrf", token)
        .formParam("text", "forged note")
        .post("/console/incidents/{id}/notes", id)
        .then()
        .statusCode(400);
    assertThat(Incidents.detail(id).getList("timeline.message", String.class))
        .doesNotContain("forged note");

    // ... and the real one, with the token, goes through.
    given()
        .redirects()
        .follow(false)
        .cookie("quarkus-credential", session)
        .cookie("vigil-csrf", token)
        .formParam("csrf-token", token)
        .formParam("text", "real note")
        .post("/console/incidents/{id}/notes", id)
        .then()
        .statusCode(303)
        .header("Location", endsWith("done=note"));
    assertThat(Incidents.detail(id).getList("timeline.message", String.class))
        .contains("real note");
  }

  private String openIncident(String summary) {
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      kafka.send(
          alertsTopic,
          fp,
          ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
          Incidents.json(mapper, Incidents.fired(group, fp, Severity.WARNING, summary)));
    }
    return Incidents.awaitIncidentOf(group);
  }

  /** Signs in through the login form; returns the credential cookie. */
  private static String signIn(String user, String password) {
    Response login =
        given()
            .redirects()
            .follow(false)
            .formParam("j_username", user)
            .formParam("j_password", password)
            .post("/j_security_check");
    assertThat(login.statusCode()).isEqualTo(302);
    String session = login.getCookie("quarkus-credential");
    assertThat(session).isNotBlank();
    return session;
  }
}
