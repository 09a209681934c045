package dev.vigil.alert.notify;

import static dev.vigil.alert.TestUsers.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.service.notify.NotificationIntake;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Silences (Alertmanager's API, expire-on-resolve) and inhibition, end to end. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
@QuarkusTestResource(NotifyTestPeers.class)
class SilenceAndInhibitionTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.alert-notifications.topic")
  String topic;

  @ConfigProperty(name = "vigil.test.peers-url")
  String peersUrl;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

  KafkaCompanion kafka;
  NotifyFixtures fx;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
    fx = new NotifyFixtures(json, kafka, topic, peersUrl);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  static String silence(String testId, boolean expireWhenResolved) {
    return """
        {"matchers": [{"name": "test_id", "value": "%s", "isRegex": false, "isEqual": true}],
         "startsAt": "%s", "endsAt": "%s", "createdBy": "ops@example.com",
         "comment": "maintenance", "expireWhenResolved": %s}
        """
        .formatted(testId, Instant.now(), Instant.now().plusSeconds(3600), expireWhenResolved);
  }

  static String create(String body) {
    return asOperator()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v2/silences")
        .then()
        .statusCode(200)
        .extract()
        .path("silenceID");
  }

  @Test
  void aSilenceSuppressesAndExpiresWhenItsAlertResolves() {
    String test = "t-" + UUID.randomUUID();
    String id = create(silence(test, true));
    Map<String, String> labels = NotifyFixtures.labels("Silenced", test);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String ceId = fx.fire(labels, UUID.randomUUID().toString(), at);
    await()
        .atMost(NotificationFlowTest.WAIT)
        .until(() -> infrastructure.processed(NotificationIntake.CONSUMER, ceId));
    await()
        .during(NotificationFlowTest.QUIET)
        .atMost(NotificationFlowTest.QUIET.plusSeconds(5))
        .until(() -> fx.received("/hook", test).isEmpty());

    fx.resolve(labels, at);
    await()
        .atMost(NotificationFlowTest.WAIT)
        .untilAsserted(
            () ->
                asOperator()
                    .get("/api/v2/silence/" + id)
                    .then()
                    .statusCode(200)
                    .body("status.state", equalTo("expired")));
    // Nobody was told it fired, so nobody is told it resolved (Alertmanager's rule).
    assertThat(fx.received("/hook", test)).isEmpty();

    fx.fire(labels, UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    await().atMost(NotificationFlowTest.WAIT).until(() -> fx.received("/hook", test).size() == 1);
  }

  @Test
  void aProviderOutageInhibitsTheChainLagItCauses() {
    String test = "t-" + UUID.randomUUID();
    fx.fire(NotifyFixtures.labels("ProviderDown", test, "provider", "alchemy"));
    await().atMost(NotificationFlowTest.WAIT).until(() -> countOf(test, "ProviderDown") == 1);

    fx.fire(NotifyFixtures.labels("ChainLag", test, "provider", "alchemy"));
    fx.fire(NotifyFixtures.labels("ChainLag", test, "provider", "infura"));
    await().atMost(NotificationFlowTest.WAIT).until(() -> countOf(test, "ChainLag") >= 1);
    await()
        .during(NotificationFlowTest.QUIET)
        .atMost(NotificationFlowTest.QUIET.plusSeconds(5))
        .until(
            () ->
                fx.received("/hook", test).stream()
                    .map(r -> r.path("body"))
                    .filter(
                        b -> b.path("groupLabels").path("alertname").asText().equals("ChainLag"))
                    .flatMap(
                        b ->
                            java.util.stream.StreamSupport.stream(
                                b.path("alerts").spliterator(), false))
                    .allMatch(a -> a.path("labels").path("provider").asText().equals("infura")));
  }

  @Test
  void silencesAndInhibitionHoldForGroupsFlushedAtIntake() {
    String test = "t-" + UUID.randomUUID();
    fx.fire(NotifyFixtures.labels("ProviderDown", test, "provider", "alchemy"));
    await().atMost(NotificationFlowTest.WAIT).until(() -> countOf(test, "ProviderDown") == 1);
    String inhibited =
        fx.fire(
            NotifyFixtures.labels(
                "ChainLag", test, "provider", "alchemy", "test_receiver", "instant"));
    String silenced = "s-" + UUID.randomUUID();
    create(silence(silenced, false));
    String muted = fx.fire(NotifyFixtures.labels("Silenced", silenced, "test_receiver", "instant"));
    fx.fire(
        NotifyFixtures.labels("ChainLag", test, "provider", "infura", "test_receiver", "instant"));
    await().atMost(NotificationFlowTest.WAIT).until(() -> countOf(test, "ChainLag") >= 1);
    await()
        .atMost(NotificationFlowTest.WAIT)
        .until(
            () ->
                infrastructure.processed(NotificationIntake.CONSUMER, inhibited)
                    && infrastructure.processed(NotificationIntake.CONSUMER, muted));
    await()
        .during(NotificationFlowTest.QUIET)
        .atMost(NotificationFlowTest.QUIET.plusSeconds(5))
        .until(
            () ->
                fx.received("/hook", silenced).isEmpty()
                    && fx.received("/hook", test).stream()
                        .map(r -> r.path("body"))
                        .filter(
                            b ->
                                b.path("groupLabels").path("alertname").asText().equals("ChainLag"))
                        .flatMap(
                            b ->
                                java.util.stream.StreamSupport.stream(
                                    b.path("alerts").spliterator(), false))
                        .allMatch(
                            a -> a.path("labels").path("provider").asText().equals("infura")));
  }

  private long countOf(String test, String alertName) {
    return fx.received("/hook", test).stream()
        .map(r -> r.path("body").path("groupLabels").path("alertname").asText())
        .filter(alertName::equals)
        .count();
  }

  @Test
  void silenceApiMirrorsAlertmanager() {
    String test = "t-" + UUID.randomUUID();
    String id = create(silence(test, false));
    asOperator()
        .get("/api/v2/silence/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status.state", equalTo("active"))
        .body("matchers[0].name", equalTo("test_id"))
        .body("matchers[0].value", equalTo(test))
        .body("matchers[0].isRegex", equalTo(false))
        .body("matchers[0].isEqual", equalTo(true))
        .body("createdBy", equalTo("ops@example.com"))
        .body("comment", equalTo("maintenance"));
    asOperator()
        .queryParam("filter", "test_id=\"" + test + "\"")
        .get("/api/v2/silences")
        .then()
        .statusCode(200)
        .body("id", hasItem(id));
    asOperator()
        .queryParam("filter", "test_id=\"other\"")
        .get("/api/v2/silences")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(id)));

    // Update in place: same id, new comment.
    String updated =
        create(
            silence(test, false)
                .replace("\"comment\": \"maintenance\"", "\"comment\": \"longer\"")
                .replaceFirst("\\{", "{\"id\": \"" + id + "\","));
    assertThat(updated).isEqualTo(id);
    asOperator().get("/api/v2/silence/" + id).then().body("comment", equalTo("longer"));

    asOperator().delete("/api/v2/silence/" + id).then().statusCode(200);
    asOperator().delete("/api/v2/silence/" + id).then().statusCode(400);
    asOperator().get("/api/v2/silence/" + id).then().body("status.state", equalTo("expired"));
  }

  @Test
  void badSilencesAreProblemsNamingTheField() {
    asOperator()
        .contentType(ContentType.JSON)
        .body(
            "{\"matchers\": [], \"endsAt\": \"2030-01-01T00:00:00Z\", \"createdBy\": \"a\", \"comment\": \"c\"}")
        .post("/api/v2/silences")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("matchers"));
    asOperator()
        .contentType(ContentType.JSON)
        .body(
            "{\"matchers\": [{\"name\": \"a\", \"value\": \"(\", \"isRegex\": true}], \"endsAt\": \"2030-01-01T00:00:00Z\","
                + " \"createdBy\": \"a\", \"comment\": \"c\"}")
        .post("/api/v2/silences")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("matchers[0]"));
    asOperator()
        .contentType(ContentType.JSON)
        .body(
            "{\"matchers\": [{\"name\": \"a\", \"value\": \"b\"}], \"endsAt\": \"2030-01-01T00:00:00Z\", \"comment\": \"c\"}")
        .post("/api/v2/silences")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("createdBy"));
    asOperator()
        .get("/api/v2/silence/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    asOperator().get("/api/v2/silence/not-a-uuid").then().statusCode(404);
    asOperator()
        .queryParam("status", "bogus")
        .get("/api/v1/notifications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("status"));
  }
}
