package dev.vigil.alert.messaging;

import static dev.vigil.alert.CloudEventRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.TestScans;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.EventType;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records that can never be processed land on the dead-letter topic; the consumer goes on. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class PoisonRecordTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.certificate-scans.topic")
  String scansTopic;

  @ConfigProperty(name = "mp.messaging.incoming.certificate-scans.dead-letter-queue.topic")
  String deadLetterTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic")
  String alertsTopic;

  @Inject ObjectMapper json;

  private KafkaCompanion kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void malformedRecordsAreDeadLetteredWithAReasonAndLaterRecordsAreStillProcessed()
      throws Exception {
    String scannedType = EventType.CERTIFICATE_SCANNED.type();
    String badJson = "bad-json-" + UUID.randomUUID();
    String missingId = "missing-id-" + UUID.randomUUID();
    String unknownType = "unknown-type-" + UUID.randomUUID();
    String missingTarget = "missing-target-" + UUID.randomUUID();
    String validJson = json.writeValueAsString(TestScans.completed("x", "x.example.com", 5));

    Map<String, String> noId = CloudEventRecords.headers("ignored", scannedType);
    noId.remove("ce_id");
    ConsumerTask<String, String> dead =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(deadLetterTopic);
    ConsumerTask<String, String> alerts =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(alertsTopic);
    try {
      kafka
          .produceStrings()
          .fromRecords(
              record(badJson, "{\"targetId\": ", CloudEventRecords.headers(uuid(), scannedType)),
              record(missingId, validJson, noId),
              record(
                  unknownType,
                  validJson,
                  CloudEventRecords.headers(uuid(), "dev.vigil.unknown.v1")),
              record(
                  missingTarget,
                  "{\"outcome\":\"COMPLETED\",\"daysLeft\":3}",
                  CloudEventRecords.headers(uuid(), scannedType)))
          .awaitCompletion(WAIT);

      CertificateScanned valid = TestScans.completed("t-" + UUID.randomUUID(), "ok.example.com", 3);
      String fingerprint = CertificateAlertFlowTest.expectedFingerprint(valid);
      kafka
          .produceStrings()
          .fromRecords(CloudEventRecords.certificateScanned(json, scansTopic, uuid(), valid))
          .awaitCompletion(WAIT);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(reason(dead, badJson))
                    .hasValueSatisfying(
                        r -> assertThat(r).contains("malformed CertificateScanned"));
                assertThat(reason(dead, missingId))
                    .hasValueSatisfying(r -> assertThat(r).contains("ce_id"));
                assertThat(reason(dead, unknownType))
                    .hasValueSatisfying(
                        r -> assertThat(r).contains("unsupported ce_type 'dev.vigil.unknown.v1'"));
                assertThat(reason(dead, missingTarget))
                    .hasValueSatisfying(r -> assertThat(r).contains("targetId missing"));
              });
      await()
          .atMost(WAIT)
          .until(() -> alerts.getRecords().stream().anyMatch(r -> fingerprint.equals(r.key())));
      ConsumerRecord<String, String> deadRecord = find(dead, badJson).orElseThrow();
      assertThat(deadRecord.value()).isEqualTo("{\"targetId\": ");
      assertThat(header(deadRecord, "ce_type")).isEqualTo(scannedType);
    } finally {
      dead.close();
      alerts.close();
    }
  }

  private ProducerRecord<String, String> record(
      String key, String value, Map<String, String> headers) {
    return CloudEventRecords.record(scansTopic, key, value, headers);
  }

  private static Optional<String> reason(ConsumerTask<String, String> dead, String key) {
    return find(dead, key).map(r -> header(r, "dead-letter-reason"));
  }

  private static Optional<ConsumerRecord<String, String>> find(
      ConsumerTask<String, String> dead, String key) {
    return dead.getRecords().stream().filter(r -> key.equals(r.key())).findFirst();
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
