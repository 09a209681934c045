package dev.vigil.alert.breaker;

import static dev.vigil.alert.CloudEventRecords.header;
import static dev.vigil.alert.TestUsers.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.TestChains;
import dev.vigil.alert.breaker.example.DepositPauser;
import dev.vigil.events.BreakerChangeCause;
import dev.vigil.events.BreakerState;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.EventType;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chain observations in, alerts through the rule engine, breakers through their own consumer of the
 * alerts topic, {@code RiskControlChanged} out on the real risk-controls topic, and the example
 * consumer of {@code docs/events.md} acting on it.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class BreakerFlowTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.chain-health.topic")
  String chainTopic;

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
  void stalledChainOpensItsBreakerThenItProbesAndClosesAndTheExampleConsumerFollows()
      throws Exception {
    String chain = "brk-" + UUID.randomUUID();
    String scope = "chain:" + chain;
    String breaker = defineShortBreaker("chain_id=\"" + chain + "\"");
    String provider = "p-" + UUID.randomUUID();

    try (DepositPauser pauser =
        new DepositPauser(bootstrap, riskTopic, "example-" + UUID.randomUUID())) {
      produce(TestChains.rpc(chain, provider, 30.0));

      RiskControlChanged opened = awaitChanges(breaker, scope, 1).get(0);
      assertThat(opened.state()).isEqualTo(BreakerState.OPEN);
      assertThat(opened.previousState()).isEqualTo(BreakerState.CLOSED);
      assertThat(opened.cause()).isEqualTo(BreakerChangeCause.ALERT_FIRING);
      assertThat(opened.sequence()).isEqualTo(1);
      assertThat(opened.triggeringAlertNames()).containsExactly("ChainHeadStalled");
      assertThat(opened.triggeringAlerts()).hasSize(1);
      assertThat(opened.actions()).containsExactly("pause-deposits", "pause-withdrawals");
      assertThat(opened.manual()).isFalse();
      assertThat(opened.actor()).isEqualTo("system");
      ConsumerRecord<String, String> record = recordsOf(breaker, scope).get(0);
      assertThat(record.key()).isEqualTo(scope);
      assertThat(header(record, "ce_type")).isEqualTo(EventType.RISK_CONTROL_CHANGED.type());
      assertThat(header(record, "ce_subject")).isEqualTo(scope);
      assertThat(header(record, "ce_source")).isEqualTo("/vigil/alert-service");
      awaitMode(pauser, breaker, scope, DepositPauser.Mode.PAUSED);
      assertThat(pauser.actions(breaker, scope)).contains("pause-deposits");

      produce(TestChains.rpc(chain, provider, 1.0));

      List<RiskControlChanged> changes = awaitChanges(breaker, scope, 3);
      assertThat(changes)
          .extracting(RiskControlChanged::state)
          .containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
      assertThat(changes)
          .extracting(RiskControlChanged::cause)
          .containsExactly(
              BreakerChangeCause.ALERT_FIRING,
              BreakerChangeCause.MIN_OPEN_ELAPSED,
              BreakerChangeCause.HEALTHY_PERIOD_ELAPSED);
      assertThat(changes).extracting(RiskControlChanged::sequence).containsExactly(1L, 2L, 3L);
      // At least the declared minimum open time and healthy period passed between the changes.
      assertThat(Duration.between(changes.get(0).changedAt(), changes.get(1).changedAt()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(Duration.between(changes.get(1).changedAt(), changes.get(2).changedAt()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      awaitMode(pauser, breaker, scope, DepositPauser.Mode.NORMAL);

      // A stale copy of the OPEN record (a redelivery, or overtaken after a fail-over) changes
      // nothing for a consumer that follows the sequence.
      kafka.produceStrings().fromRecords(copy(record)).awaitCompletion(WAIT);
      await().atMost(WAIT).until(() -> recordsOf(breaker, scope).size() == 4);
      pauser.pollOnce(Duration.ofSeconds(2));
      assertThat(pauser.mode(breaker, scope)).isEqualTo(DepositPauser.Mode.NORMAL);
    }

    asOperator()
        .get("/api/v1/breakers/{name}/scopes/{scope}", breaker, scope)
        .then()
        .statusCode(200)
        .body("state", equalTo("CLOSED"))
        .body("sequence", equalTo(3))
        .body("history.size()", equalTo(3))
        .body("history[0].cause", equalTo("HEALTHY_PERIOD_ELAPSED"))
        .body("history[2].alerts[0].alertName", equalTo("ChainHeadStalled"));
  }

  @Test
  void anAlertFiringAgainWhileProbingReopensAtOnce() throws Exception {
    String chain = "brk-" + UUID.randomUUID();
    String scope = "chain:" + chain;
    String breaker =
        defineBreaker("chain_id=\"" + chain + "\"", "min_open: 0s", "healthy_period: 1h");
    String provider = "p-" + UUID.randomUUID();

    produce(TestChains.rpc(chain, provider, 30.0));
    awaitChanges(breaker, scope, 1);
    produce(TestChains.rpc(chain, provider, 1.0));
    assertThat(awaitChanges(breaker, scope, 2).get(1).state()).isEqualTo(BreakerState.HALF_OPEN);
    produce(TestChains.rpc(chain, provider, 30.0));

    RiskControlChanged reopened = awaitChanges(breaker, scope, 3).get(2);
    assertThat(reopened.previousState()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(reopened.state()).isEqualTo(BreakerState.OPEN);
    assertThat(reopened.cause()).isEqualTo(BreakerChangeCause.ALERT_FIRING);
  }

  /** A breaker with a 1 s minimum open time and a 2 s healthy period. */
  String defineShortBreaker(String matcher) {
    return defineBreaker(matcher, "min_open: 1s", "healthy_period: 2s");
  }

  String defineBreaker(String matcher, String minOpen, String healthy) {
    String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
    String yaml =
        String.join(
            "\n",
            "name: " + name,
            "scope: 'chain:{{ chain_id }}'",
            "matchers: ['alertname=\"ChainHeadStalled\"', '" + matcher + "']",
            minOpen,
            healthy,
            "actions: [pause-deposits, pause-withdrawals]");
    asOperator()
        .contentType("text/plain")
        .body(yaml)
        .put("/api/v1/breakers/{name}", name)
        .then()
        .statusCode(201)
        .body("name", equalTo(name));
    return name;
  }

  void produce(ChainHealthObserved o) throws Exception {
    String ceId = UUID.randomUUID().toString();
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.record(
                chainTopic,
                o.providerId(),
                json.writeValueAsString(o),
                CloudEventRecords.headers(ceId, EventType.CHAIN_HEALTH_OBSERVED.type())))
        .awaitCompletion(WAIT);
  }

  List<RiskControlChanged> awaitChanges(String breaker, String scope, int count) {
    await().atMost(WAIT).until(() -> recordsOf(breaker, scope).size() >= count);
    return recordsOf(breaker, scope).stream().map(this::event).toList();
  }

  List<ConsumerRecord<String, String>> recordsOf(String breaker, String scope) {
    return controls.getRecords().stream()
        .filter(r -> scope.equals(r.key()) && event(r).breakerId().equals(breaker))
        .toList();
  }

  RiskControlChanged event(ConsumerRecord<String, String> r) {
    try {
      return json.readValue(r.value(), RiskControlChanged.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void awaitMode(
      DepositPauser pauser, String breaker, String scope, DepositPauser.Mode mode) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              pauser.pollOnce(Duration.ofMillis(200));
              return pauser.mode(breaker, scope) == mode;
            });
  }

  static org.apache.kafka.clients.producer.ProducerRecord<String, String> copy(
      ConsumerRecord<String, String> r) {
    return new org.apache.kafka.clients.producer.ProducerRecord<>(
        r.topic(), null, r.key(), r.value(), r.headers());
  }
}
