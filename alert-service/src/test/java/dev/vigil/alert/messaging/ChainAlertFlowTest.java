package dev.vigil.alert.messaging;

import static dev.vigil.alert.CloudEventRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.TestChains;
import dev.vigil.alert.TestRules;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
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

/** Chain observations in, default-pack chain alerts out. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class ChainAlertFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.chain-health.topic")
  String chainTopic;

  @ConfigProperty(name = "mp.messaging.incoming.chain-health.dead-letter-queue.topic")
  String dlqTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic")
  String alertsTopic;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> alerts;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
    alerts =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(alertsTopic);
  }

  @AfterEach
  void disconnect() {
    alerts.close();
    kafka.close();
  }

  @Test
  void stalledHeadFiresTheDefaultPackAlertAndAFreshHeadResolvesIt() throws Exception {
    String provider = "p-" + UUID.randomUUID();
    ChainHealthObserved stalled = TestChains.rpc(provider, 30.0);
    String fingerprint = TestRules.fingerprint("ChainHeadStalled", stalled);
    String firstId = UUID.randomUUID().toString();

    produce(firstId, stalled);

    ConsumerRecord<String, String> fired = awaitEvents(fingerprint, 1).get(0);
    assertThat(fired.key()).isEqualTo(fingerprint);
    assertThat(header(fired, "ce_type")).isEqualTo("dev.vigil.alert.fired.v1");
    AlertFired event = json.readValue(fired.value(), AlertFired.class);
    assertThat(event.alertName()).isEqualTo("ChainHeadStalled");
    assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(event.value()).isEqualTo(30.0);
    assertThat(event.causationId()).isEqualTo(firstId);
    assertThat(event.labels())
        .containsEntry("provider_id", provider)
        .containsEntry("chain_id", "base-mainnet")
        .containsEntry("env", "prod");
    assertThat(event.groupKey()).isEqualTo("{target_id=\"" + provider + "\"}");

    // Inside the hysteresis band (between 2 and 3 block times) it keeps firing.
    String bandId = UUID.randomUUID().toString();
    produce(bandId, TestChains.rpc(provider, 5.0));
    await()
        .atMost(WAIT)
        .until(() -> infrastructure.processed(AlertService.CHAIN_HEALTH_CONSUMER, bandId));
    assertThat(eventsOf(fingerprint)).hasSize(1);

    String freshId = UUID.randomUUID().toString();
    produce(freshId, TestChains.rpc(provider, 1.0));
    ConsumerRecord<String, String> resolved = awaitEvents(fingerprint, 2).get(1);
    assertThat(header(resolved, "ce_type")).isEqualTo("dev.vigil.alert.resolved.v1");
    AlertResolved r = json.readValue(resolved.value(), AlertResolved.class);
    assertThat(r.causationId()).isEqualTo(freshId);
    assertThat(r.startsAt()).isEqualTo(event.startsAt());
  }

  @Test
  void sameObservationDeliveredTwiceFiresOnce() throws Exception {
    String provider = "p-" + UUID.randomUUID();
    ChainHealthObserved stalled = TestChains.rpc(provider, 60.0);
    String fingerprint = TestRules.fingerprint("ChainHeadStalled", stalled);
    String id = UUID.randomUUID().toString();

    produce(id, stalled);
    awaitEvents(fingerprint, 1);
    produce(id, stalled);
    String after = UUID.randomUUID().toString();
    produce(after, TestChains.rpc(provider, 60.0));
    await()
        .atMost(WAIT)
        .until(() -> infrastructure.processed(AlertService.CHAIN_HEALTH_CONSUMER, after));

    assertThat(eventsOf(fingerprint)).hasSize(1);
  }

  @Test
  void observationWithoutProviderGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing()
      throws Exception {
    ConsumerTask<String, String> dlq =
        kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(dlqTopic);
    String badId = UUID.randomUUID().toString();
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.record(
                chainTopic,
                "k",
                "{\"observationId\":\"x\",\"chainId\":\"c\",\"status\":\"HEALTHY\"}",
                CloudEventRecords.headers(badId, EventType.CHAIN_HEALTH_OBSERVED.type())))
        .awaitCompletion(WAIT);
    String goodId = UUID.randomUUID().toString();
    produce(goodId, TestChains.rpc("p-" + UUID.randomUUID(), 1.0));

    await()
        .atMost(WAIT)
        .until(() -> dlq.getRecords().stream().anyMatch(r -> badId.equals(header(r, "ce_id"))));
    ConsumerRecord<String, String> dead =
        dlq.getRecords().stream()
            .filter(r -> badId.equals(header(r, "ce_id")))
            .findFirst()
            .orElseThrow();
    assertThat(header(dead, "dead-letter-reason")).contains("providerId missing");
    await()
        .atMost(WAIT)
        .until(() -> infrastructure.processed(AlertService.CHAIN_HEALTH_CONSUMER, goodId));
    dlq.close();
  }

  private void produce(String ceId, ChainHealthObserved o) throws Exception {
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

  private List<ConsumerRecord<String, String>> awaitEvents(String fingerprint, int count) {
    await().atMost(WAIT).until(() -> eventsOf(fingerprint).size() >= count);
    return eventsOf(fingerprint);
  }

  private List<ConsumerRecord<String, String>> eventsOf(String fingerprint) {
    return alerts.getRecords().stream().filter(r -> fingerprint.equals(r.key())).toList();
  }
}
