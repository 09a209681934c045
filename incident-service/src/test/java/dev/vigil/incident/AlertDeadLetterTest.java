package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.awaitRecords;
import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static dev.vigil.incident.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class AlertDeadLetterTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".dead-letter-queue.topic")
  String deadLetterTopic;

  @Inject ObjectMapper mapper;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrap);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
    ConsumerTask<String, String> dlq = kafka.follow(deadLetterTopic);
    // One key for every record: one partition, so the valid record is consumed after the bad ones.
    String key = "poison-" + UUID.randomUUID();
    String fired = EventType.ALERT_FIRED.type();

    String badJson = "{not json " + UUID.randomUUID();
    kafka.send(alertsTopic, key, ceHeaders(UUID.randomUUID().toString(), fired), badJson);

    String noId = validAlert("grp-no-id-" + UUID.randomUUID());
    Map<String, String> withoutId = ceHeaders("x", fired);
    withoutId.remove("ce_id");
    kafka.send(alertsTopic, key, withoutId, noId);

    String unknownType = validAlert("grp-unknown-type-" + UUID.randomUUID());
    kafka.send(
        alertsTopic,
        key,
        ceHeaders(UUID.randomUUID().toString(), "dev.vigil.something.else.v1"),
        unknownType);

    String noGroup =
        Incidents.json(
            mapper,
            new AlertFired(
                "fp-" + UUID.randomUUID(),
                "NoGroup",
                Severity.INFO,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    kafka.send(alertsTopic, key, ceHeaders(UUID.randomUUID().toString(), fired), noGroup);

    String validGroup = "grp-valid-" + UUID.randomUUID();
    kafka.send(
        alertsTopic, key, ceHeaders(UUID.randomUUID().toString(), fired), validAlert(validGroup));

    List<ConsumerRecord<String, String>> dead = awaitRecords(dlq, r -> key.equals(r.key()), 4);
    assertThat(dead)
        .extracting(ConsumerRecord::value)
        .containsExactly(badJson, noId, unknownType, noGroup);
    assertThat(dead)
        .extracting(r -> header(r, "dead-letter-reason"))
        .satisfiesExactly(
            reason -> assertThat(reason).contains("malformed AlertFired"),
            reason -> assertThat(reason).contains("ce_id"),
            reason -> assertThat(reason).contains("unsupported ce_type"),
            reason -> assertThat(reason).contains("groupKey missing"));
    Incidents.awaitIncidentOf(validGroup);
    assertThat(Incidents.idsOfGroup(validGroup)).hasSize(1);
    assertThat(Incidents.idsOfGroup(extractGroup(noId))).isEmpty();
  }

  private String validAlert(String group) {
    return Incidents.json(
        mapper, Incidents.fired(group, "fp-" + UUID.randomUUID(), Severity.WARNING, null));
  }

  private String extractGroup(String json) {
    try {
      return mapper.readTree(json).get("groupKey").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
