package dev.vigil.alert.breaker;

import static dev.vigil.alert.TestUsers.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.BreakerChangeCause;
import dev.vigil.events.BreakerState;
import dev.vigil.events.RiskControlChanged;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual overrides and breaker definitions over REST, and their problem+json errors. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class BreakerApiTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String PROBLEM_JSON = "application/problem+json";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.outgoing.risk-controls.topic")
  String riskTopic;

  @Inject ObjectMapper json;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> controls;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
    controls =
        kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(riskTopic);
  }

  @AfterEach
  void disconnect() {
    controls.close();
    kafka.close();
  }

  @Test
  void theDefaultPackIsListed() {
    asOperator()
        .get("/api/v1/breakers")
        .then()
        .statusCode(200)
        .body("name", hasItem("chain-transfers"))
        .body("name", hasItem("api-routing"))
        .body("find { it.name == 'chain-transfers' }.actions", hasItem("pause-deposits"));
  }

  @Test
  void aForcedOpenIsPublishedWithWhoAndWhyAndClearingHandsBackToTheAlerts() {
    String breaker = define();
    String scope = "chain:manual-" + UUID.randomUUID();

    asOperator("alice")
        .contentType("application/json")
        .body(
            "{\"state\":\"OPEN\",\"why\":\"node upgrade\"," + "\"until\":\"2099-01-01T00:00:00Z\"}")
        .post("/api/v1/breakers/{b}/scopes/{s}/override", breaker, scope)
        .then()
        .statusCode(200)
        .body("state", equalTo("OPEN"))
        .body("override.who", equalTo("alice"))
        .body("override.why", equalTo("node upgrade"));

    RiskControlChanged forced = awaitChanges(breaker, scope, 1).get(0);
    assertThat(forced.state()).isEqualTo(BreakerState.OPEN);
    assertThat(forced.cause()).isEqualTo(BreakerChangeCause.MANUAL_OVERRIDE);
    assertThat(forced.manual()).isTrue();
    assertThat(forced.actor()).isEqualTo("alice");
    assertThat(forced.reason()).contains("node upgrade");
    assertThat(forced.overrideUntil()).isEqualTo("2099-01-01T00:00:00Z");
    assertThat(forced.sequence()).isEqualTo(1);

    asOperator("bob")
        .queryParam("why", "upgrade done")
        .delete("/api/v1/breakers/{b}/scopes/{s}/override", breaker, scope)
        .then()
        .statusCode(200)
        .body("override", nullValue());

    // No alert fires there: once the minimum open time (1 s) has run out it probes, then closes.
    // (Cleared within that second, it stays OPEN first: one record more.)
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<RiskControlChanged> all = recordsOf(breaker, scope);
              return all.get(all.size() - 1).state() == BreakerState.CLOSED;
            });
    List<RiskControlChanged> changes = recordsOf(breaker, scope);
    assertThat(changes.get(1).cause()).isEqualTo(BreakerChangeCause.OVERRIDE_CLEARED);
    assertThat(changes.get(1).actor()).isEqualTo("bob");
    assertThat(changes.get(1).manual()).isTrue();
    assertThat(changes).hasSizeBetween(3, 4);
    assertThat(changes.get(changes.size() - 2).state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(changes)
        .extracting(RiskControlChanged::sequence)
        .isEqualTo(LongStream.rangeClosed(1, changes.size()).boxed().toList());
    asOperator()
        .get("/api/v1/breakers/{b}", breaker)
        .then()
        .statusCode(200)
        .body("scopes.find { it.scope == '" + scope + "' }.state", equalTo("CLOSED"))
        .body("history[-1].actor", equalTo("alice"));
  }

  @Test
  void overridesNamingAnAuthorOrWithABadStateAreProblemsAndChangeNothing() {
    String breaker = define();
    String scope = "chain:bad-" + UUID.randomUUID();

    // The author is the authenticated caller; a body cannot name someone else.
    problem("{\"state\":\"OPEN\",\"who\":\"mallory\",\"why\":\"x\"}", breaker, scope, 400, "who");
    problem("{\"state\":\"OPEN\"}", breaker, scope, 400, "why");
    problem("{\"state\":\"HALF_OPEN\",\"why\":\"x\"}", breaker, scope, 400, "state");
    problem(
        "{\"state\":\"OPEN\",\"why\":\"x\",\"until\":\"2000-01-01T00:00:00Z\"}",
        breaker,
        scope,
        400,
        "until");
    problem("{\"state\":\"OPEN\",\"why\":\"x\",\"force\":true}", breaker, scope, 400, "force");
    asOperator()
        .contentType("application/json")
        .body("{\"state\":\"OPEN\",\"why\":\"x\"}")
        .post("/api/v1/breakers/{b}/scopes/{s}/override", "no-such-breaker", scope)
        .then()
        .statusCode(404)
        .contentType(PROBLEM_JSON);
    asOperator()
        .queryParam("why", "x")
        .delete("/api/v1/breakers/{b}/scopes/{s}/override", breaker, scope)
        .then()
        .statusCode(404)
        .contentType(PROBLEM_JSON);

    asOperator()
        .get("/api/v1/breakers/{b}/scopes/{s}", breaker, scope)
        .then()
        .statusCode(404)
        .contentType(PROBLEM_JSON);
    assertThat(recordsOf(breaker, scope)).isEmpty();
  }

  @Test
  void anInvalidDefinitionIsAProblemNamingTheFieldAndIsNotStored() {
    String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);

    asOperator()
        .contentType("text/plain")
        .body(
            "name: "
                + name
                + "\nscope: 'chain:{{ chain_id }}'\nmatchers: ['alertname=\"X\"']\n"
                + "min_open: five minutes\nactions: [pause-deposits]\n")
        .put("/api/v1/breakers/{name}", name)
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON)
        .body("errors[0].field", equalTo("min_open"))
        .body("errors[0].message", containsString("duration"));
    asOperator()
        .contentType("text/plain")
        .body("name: other\nscope: x\nmatchers: ['a=\"b\"']\nactions: [x]\n")
        .put("/api/v1/breakers/{name}", name)
        .then()
        .statusCode(400)
        .contentType(PROBLEM_JSON)
        .body("errors[0].field", equalTo("name"));

    asOperator()
        .get("/api/v1/breakers/{name}", name)
        .then()
        .statusCode(404)
        .contentType(PROBLEM_JSON);
    asOperator().delete("/api/v1/breakers/{name}", name).then().statusCode(404);
  }

  private void problem(String body, String breaker, String scope, int status, String field) {
    asOperator()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/breakers/{b}/scopes/{s}/override", breaker, scope)
        .then()
        .statusCode(status)
        .contentType(PROBLEM_JSON)
        .body("errors[0].field", equalTo(field));
  }

  private String define() {
    String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
    asOperator()
        .contentType("application/json")
        .body(
            "{\"name\":\""
                + name
                + "\",\"scope\":\"chain:{{ chain_id }}\","
                + "\"matchers\":[\"alertname=\\\"NeverFires\\\"\"],\"min_open\":\"1s\","
                + "\"healthy_period\":\"1s\",\"actions\":[\"pause-deposits\"]}")
        .put("/api/v1/breakers/{name}", name)
        .then()
        .statusCode(201);
    return name;
  }

  private List<RiskControlChanged> awaitChanges(String breaker, String scope, int count) {
    await().atMost(WAIT).until(() -> recordsOf(breaker, scope).size() >= count);
    return recordsOf(breaker, scope);
  }

  private List<RiskControlChanged> recordsOf(String breaker, String scope) {
    return controls.getRecords().stream()
        .filter(r -> scope.equals(r.key()))
        .map(
            r -> {
              try {
                return json.readValue(r.value(), RiskControlChanged.class);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .filter(e -> e.breakerId().equals(breaker))
        .toList();
  }
}
