package dev.vigil.alert.breaker;

import static dev.vigil.alert.CloudEventRecords.header;
import static dev.vigil.alert.TestUsers.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.service.breaker.BreakerIntake;
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
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The breakers' consumer of the alerts topic: alerts from any producer open breakers, a redelivered
 * event changes nothing, and a poison record is dead-lettered while the next one is applied.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class BreakerConsumerTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.alert-breakers.topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.incoming.alert-breakers.dead-letter-queue.topic")
  String dlqTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.risk-controls.topic")
  String riskTopic;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

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
  void aRedeliveredAlertEventDoesNotReopenAProbingBreaker() throws Exception {
    String service = "svc-" + UUID.randomUUID();
    String scope = "service:" + service;
    String breaker = define();
    String fingerprint = "fp-" + UUID.randomUUID();
    String firedId = UUID.randomUUID().toString();

    produce(firedId, fired(fingerprint, service));
    awaitStates(breaker, scope, BreakerState.OPEN);
    produce(UUID.randomUUID().toString(), resolved(fingerprint, service));
    awaitStates(breaker, scope, BreakerState.OPEN, BreakerState.HALF_OPEN);

    produce(firedId, fired(fingerprint, service));
    // Same key, so applied after the redelivery; resolving again changes nothing by itself.
    String after = UUID.randomUUID().toString();
    produce(after, resolved(fingerprint, service));
    await().atMost(WAIT).until(() -> infrastructure.processed(BreakerIntake.CONSUMER, after));

    assertThat(states(breaker, scope)).containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN);
    asOperator()
        .get("/api/v1/breakers/{b}/scopes/{s}", breaker, scope)
        .then()
        .statusCode(200)
        .body("state", equalTo("HALF_OPEN"))
        .body("sequence", equalTo(2));
  }

  @Test
  void aPoisonAlertEventIsDeadLetteredAndTheNextOneOpensTheBreaker() throws Exception {
    ConsumerTask<String, String> dlq =
        kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(dlqTopic);
    String service = "svc-" + UUID.randomUUID();
    String breaker = define();
    String badId = UUID.randomUUID().toString();
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.record(
                alertsTopic,
                "k",
                "{\"alertName\":\"X\"}",
                CloudEventRecords.headers(badId, EventType.ALERT_FIRED.type())))
        .awaitCompletion(WAIT);
    produce(UUID.randomUUID().toString(), fired("fp-" + UUID.randomUUID(), service));

    awaitStates(breaker, "service:" + service, BreakerState.OPEN);
    ConsumerRecord<String, String> dead = awaitDeadLetter(dlq, badId);
    assertThat(header(dead, "dead-letter-reason")).contains("fingerprint missing");
    dlq.close();
  }

  @Test
  void aRecordThatBreaksTheBatchIsDeadLetteredAloneAndTheOthersAreApplied() throws Exception {
    ConsumerTask<String, String> dlq =
        kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(dlqTopic);
    String breaker = define();
    String before = "svc-" + UUID.randomUUID();
    String after = "svc-" + UUID.randomUUID();
    String badId = UUID.randomUUID().toString();
    // Passes decoding and the per-record checks, but PostgreSQL refuses a NUL character in text:
    // the batch transaction fails for a reason that will recur (not transient).
    AlertFired bad = fired("fp-\0-" + UUID.randomUUID().toString().substring(0, 8), "svc-x");
    // One key: one partition, in this order, produced together so they arrive in one poll.
    String key = "batch-" + UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(
            record(key, UUID.randomUUID().toString(), fired("fp-" + UUID.randomUUID(), before)),
            record(key, badId, bad),
            record(key, UUID.randomUUID().toString(), fired("fp-" + UUID.randomUUID(), after)))
        .awaitCompletion(WAIT);

    awaitStates(breaker, "service:" + before, BreakerState.OPEN);
    awaitStates(breaker, "service:" + after, BreakerState.OPEN);
    ConsumerRecord<String, String> dead = awaitDeadLetter(dlq, badId);
    assertThat(header(dead, "dead-letter-reason")).contains("database");
    assertThat(dlq.getRecords().stream().filter(r -> key.equals(r.key()))).hasSize(1);
    assertThat(infrastructure.processed(BreakerIntake.CONSUMER, badId)).isFalse();
    dlq.close();
  }

  @Test
  void aBurstOfAlertsOpensEveryScopeAndTheDelayIsMeasured() throws Exception {
    String breaker = define();
    String run = UUID.randomUUID().toString().substring(0, 8);
    int scopes = 200;
    List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> burst =
        new java.util.ArrayList<>();
    for (int i = 0; i < scopes; i++) {
      AlertFired f = fired("fp-" + UUID.randomUUID(), "burst-" + run + "-" + i);
      burst.add(
          CloudEventRecords.record(
              alertsTopic,
              f.fingerprint(),
              json.writeValueAsString(f),
              CloudEventRecords.headers(
                  UUID.randomUUID().toString(), EventType.ALERT_FIRED.type())));
    }
    long sent = System.currentTimeMillis();
    kafka.produceStrings().fromRecords(burst).awaitCompletion(WAIT);

    String prefix = "service:burst-" + run + "-";
    await()
        .atMost(WAIT)
        .until(
            () ->
                controls.getRecords().stream()
                        .filter(r -> r.key() != null && r.key().startsWith(prefix))
                        .count()
                    >= scopes);
    List<Long> delays =
        controls.getRecords().stream()
            .filter(r -> r.key() != null && r.key().startsWith(prefix))
            .map(r -> r.timestamp() - sent)
            .sorted()
            .toList();
    assertThat(delays).hasSize(scopes);
    System.out.printf(
        "[breaker-latency] burst of %d alerts -> RiskControlChanged on the topic: p50=%d ms"
            + " p99=%d ms last=%d ms (breaker %s)%n",
        scopes,
        delays.get(scopes / 2),
        delays.get(scopes * 99 / 100 - 1),
        delays.get(scopes - 1),
        breaker);
  }

  /** Opened by {@code BreakerTestAlert}; opens at once, probes at once, closes after an hour. */
  private String define() {
    String name = "consumer-" + UUID.randomUUID().toString().substring(0, 8);
    asOperator()
        .contentType("text/plain")
        .body(
            String.join(
                "\n",
                "name: " + name,
                "scope: 'service:{{ service }}'",
                "matchers: ['alertname=\"BreakerTestAlert\"']",
                "min_open: 0s",
                "healthy_period: 1h",
                "actions: [route-around]"))
        .put("/api/v1/breakers/{name}", name)
        .then()
        .statusCode(201);
    return name;
  }

  private static AlertFired fired(String fingerprint, String service) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new AlertFired(
        fingerprint,
        "BreakerTestAlert",
        Severity.CRITICAL,
        Map.of("alertname", "BreakerTestAlert", "service", service),
        Map.of(),
        "g",
        now,
        now,
        null,
        null);
  }

  private static AlertResolved resolved(String fingerprint, String service) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new AlertResolved(
        fingerprint,
        "BreakerTestAlert",
        Map.of("alertname", "BreakerTestAlert", "service", service),
        "g",
        now,
        now,
        "test",
        null);
  }

  private void produce(String ceId, Record event) throws Exception {
    String key =
        event instanceof AlertFired f ? f.fingerprint() : ((AlertResolved) event).fingerprint();
    kafka.produceStrings().fromRecords(record(key, ceId, event)).awaitCompletion(WAIT);
  }

  private org.apache.kafka.clients.producer.ProducerRecord<String, String> record(
      String key, String ceId, Record event) throws Exception {
    return CloudEventRecords.record(
        alertsTopic,
        key,
        json.writeValueAsString(event),
        CloudEventRecords.headers(ceId, EventType.of(event.getClass()).type()));
  }

  private static ConsumerRecord<String, String> awaitDeadLetter(
      ConsumerTask<String, String> dlq, String ceId) {
    await()
        .atMost(WAIT)
        .until(() -> dlq.getRecords().stream().anyMatch(r -> ceId.equals(header(r, "ce_id"))));
    return dlq.getRecords().stream()
        .filter(r -> ceId.equals(header(r, "ce_id")))
        .findFirst()
        .orElseThrow();
  }

  private void awaitStates(String breaker, String scope, BreakerState... expected) {
    await().atMost(WAIT).until(() -> states(breaker, scope).size() >= expected.length);
    assertThat(states(breaker, scope)).containsExactly(expected);
  }

  private List<BreakerState> states(String breaker, String scope) {
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
        .map(RiskControlChanged::state)
        .toList();
  }
}
