package dev.vigil.alert.breaker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.BreakerState;
import dev.vigil.events.EventType;
import dev.vigil.events.RiskControlChanged;
import dev.vigil.events.Severity;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Breaker definitions from the polled directory ({@code vigil.alert.breakers.dir}), through the
 * real topic and database: a file appears and its breaker acts on alerts, a broken version is
 * rejected with file, line and field while the last good one keeps working, and a scope keeps its
 * state when its definition is removed and is carried on when it comes back changed.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class BreakerFilesTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.alert-breakers.topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.risk-controls.topic")
  String riskTopic;

  @ConfigProperty(name = "vigil.alert.breakers.dir")
  String dir;

  @Inject ObjectMapper json;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> controls;
  private Path file;
  private String name;

  @BeforeEach
  void connect() throws IOException {
    kafka = new KafkaCompanion(bootstrap);
    controls =
        kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(riskTopic);
    name = "file-" + UUID.randomUUID().toString().substring(0, 8);
    Files.createDirectories(Path.of(dir));
    file = Path.of(dir, name + ".yaml");
  }

  @AfterEach
  void disconnect() throws IOException {
    Files.deleteIfExists(file);
    controls.close();
    kafka.close();
  }

  @Test
  void aFileBreakerOpensOnAlertsAndABrokenVersionIsRejectedWhileTheOldOneKeepsWorking()
      throws Exception {
    write("0s", "1h");
    awaitInForce("0s");

    String first = "file:" + name + "-a";
    fire(name + "-a");
    awaitStates(first, BreakerState.OPEN);

    Files.writeString(file, definition("soon", "1h"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(source().getList("problems", String.class))
                    .singleElement()
                    .satisfies(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    file.getFileName()
                                        + ":6: breakers[0].min_open (breaker "
                                        + name
                                        + "): 'soon' is not a duration")));
    assertThat(source().getBoolean("valid")).isFalse();

    // The last good version is still in force and still acts on alerts.
    given()
        .get("/api/v1/breakers/{name}", name)
        .then()
        .statusCode(200)
        .body("minOpen", equalTo("PT0S"));
    String second = "file:" + name + "-b";
    fire(name + "-b");
    awaitStates(second, BreakerState.OPEN);
  }

  @Test
  void aRemovedDefinitionLeavesItsScopesAsTheyAreAndAChangedOneCarriesThemOn() throws Exception {
    write("1h", "1h");
    awaitInForce("PT1H");
    String scope = "file:" + name;
    String fingerprint = fire(name);
    awaitStates(scope, BreakerState.OPEN);
    resolve(fingerprint, name);

    Files.delete(file);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> given().get("/api/v1/breakers/{name}", name).then().statusCode(404));

    // Back with no minimum open time and no healthy period: the scope, still OPEN with sequence 1,
    // is re-checked at once and closes through HALF_OPEN; nothing was published meanwhile.
    write("0s", "0s");
    awaitStates(scope, BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
    assertThat(events(scope)).extracting(RiskControlChanged::sequence).containsExactly(1L, 2L, 3L);
  }

  private void write(String minOpen, String healthy) throws IOException {
    // Written aside and moved, as a ConfigMap update swaps its files: never read half-written.
    Path tmp = Path.of(dir, "." + name + ".tmp");
    Files.writeString(tmp, definition(minOpen, healthy));
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private String definition(String minOpen, String healthy) {
    return String.join(
        "\n",
        "breakers:",
        "  - name: " + name,
        "    scope: 'file:{{ service }}'",
        "    matchers: ['alertname=\"BreakerFileAlert\"', 'service=~\"" + name + ".*\"']",
        "    half_open: true",
        "    min_open: " + minOpen,
        "    healthy_period: " + healthy,
        "    actions: [pause-withdrawals]",
        "");
  }

  private void awaitInForce(String minOpen) {
    String expected = minOpen.equals("0s") ? "PT0S" : minOpen;
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/breakers/{name}", name)
                    .then()
                    .statusCode(200)
                    .body("origin", equalTo(file.getFileName().toString()))
                    .body("minOpen", equalTo(expected)));
  }

  /** This test's file as {@code GET /api/v1/breakers/files} shows it. */
  private JsonPath source() {
    return JsonPath.from(
            given().get("/api/v1/breakers/files").then().statusCode(200).extract().asString())
        .setRootPath("find { it.origin == '" + file.getFileName() + "' }");
  }

  private String fire(String service) throws Exception {
    String fingerprint = "fp-" + UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    produce(
        fingerprint,
        EventType.ALERT_FIRED,
        new AlertFired(
            fingerprint,
            "BreakerFileAlert",
            Severity.CRITICAL,
            Map.of("alertname", "BreakerFileAlert", "service", service),
            Map.of(),
            "g",
            now,
            now,
            null,
            null));
    return fingerprint;
  }

  private void resolve(String fingerprint, String service) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    produce(
        fingerprint,
        EventType.ALERT_RESOLVED,
        new AlertResolved(
            fingerprint,
            "BreakerFileAlert",
            Map.of("alertname", "BreakerFileAlert", "service", service),
            "g",
            now,
            now,
            "test",
            null));
  }

  private void produce(String key, EventType type, Record event) throws Exception {
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.record(
                alertsTopic,
                key,
                json.writeValueAsString(event),
                CloudEventRecords.headers(UUID.randomUUID().toString(), type.type())))
        .awaitCompletion(WAIT);
  }

  private void awaitStates(String scope, BreakerState... expected) {
    await().atMost(WAIT).until(() -> events(scope).size() >= expected.length);
    assertThat(events(scope)).extracting(RiskControlChanged::state).containsExactly(expected);
  }

  private List<RiskControlChanged> events(String scope) {
    return controls.getRecords().stream()
        .filter(r -> scope.equals(r.key()))
        .map(
            r -> {
              try {
                return json.readValue(r.value(), RiskControlChanged.class);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .filter(e -> e.breakerId().equals(name))
        .toList();
  }
}
