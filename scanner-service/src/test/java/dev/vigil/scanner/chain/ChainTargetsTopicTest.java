package dev.vigil.scanner.chain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.scanner.peers.EvmRpcPeer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Other systems register chains on the compacted chain-targets topic; bad records are
 * dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class ChainTargetsTopicTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.chain-targets.topic")
  String targetsTopic;

  @ConfigProperty(name = "mp.messaging.incoming.chain-targets.dead-letter-queue.topic")
  String deadLetterTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.chain-health.topic")
  String healthTopic;

  private ProducerRecord<String, String> chainRecord(String key, String chainId, String url) {
    String json =
        """
        {"chainId":"%s","name":"From the CMDB","family":"EVM","expectedChainId":"8453",
         "blockTimeMillis":1000,"labels":{"source":"cmdb"},"thresholds":{"maxHeadAgeSeconds":5},
         "providers":[{"providerId":"%s-rpc","name":"CMDB RPC","family":"EVM","url":"%s",
           "headers":{},"intervalSeconds":1,"labels":{}}],
         "registeredAt":"2026-01-01T00:00:00Z","registeredBy":"cmdb-sync"}
        """
            .formatted(chainId, chainId, url);
    return record(key, json, "dev.vigil.chain.registered.v1");
  }

  private ProducerRecord<String, String> record(String key, String json, String type) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    headers.add("ce_source", "/cmdb".getBytes(StandardCharsets.UTF_8));
    headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
    headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(targetsTopic, null, key, json, headers);
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void chainPublishedByAnotherSystemIsStoredAndProbedAndATombstoneRemovesIt() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        EvmRpcPeer peer = EvmRpcPeer.start(8453, Duration.ofSeconds(1), Instant.now());
        ConsumerTask<String, String> observations =
            kafka.consumeStrings().fromTopics(healthTopic)) {
      String chain = id("cmdb");
      kafka
          .produceStrings()
          .fromRecords(chainRecord("chain:" + chain, chain, peer.url()))
          .awaitCompletion();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  observations.getRecords().stream()
                      .anyMatch(r -> (chain + "-rpc").equals(r.key())));
      given()
          .get("/api/v1/chains/" + chain)
          .then()
          .statusCode(200)
          .body("registeredBy", equalTo("cmdb-sync"))
          .body("labels.source", equalTo("cmdb"))
          .body("providerCount", equalTo(1));

      kafka
          .produceStrings()
          .fromRecords(new ProducerRecord<String, String>(targetsTopic, "chain:" + chain, null))
          .awaitCompletion();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> given().get("/api/v1/chains/" + chain).statusCode() == 404);
    }
  }

  @Test
  void invalidRegistrationsAreDeadLetteredAndTheConsumerKeepsGoing() {
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(deadLetterTopic)) {
      String metadata = id("evil");
      String wrongKey = id("wrongkey");
      String notJson = id("notjson");
      String good = id("good");
      kafka
          .produceStrings()
          .fromRecords(
              chainRecord("chain:" + metadata, metadata, "http://169.254.169.254/latest/meta-data"),
              chainRecord("chain:someone-else", wrongKey, "https://rpc.example.com"),
              record("chain:" + notJson, "{\"chainId\":", "dev.vigil.chain.registered.v1"),
              chainRecord("chain:" + good, good, "https://rpc.example.com"))
          .awaitCompletion();

      assertThat(reason(dead, "chain:" + metadata)).contains("denied network 169.254.0.0/16");
      assertThat(reason(dead, "chain:" + metadata)).doesNotContain("meta-data");
      assertThat(reason(dead, "chain:someone-else")).contains("record key must be");
      assertThat(reason(dead, "chain:" + notJson)).isNotBlank();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> given().get("/api/v1/chains/" + good).statusCode() == 200);
      given().get("/api/v1/chains/" + metadata).then().statusCode(404);
    }
  }

  private static String reason(ConsumerTask<String, String> dead, String key) {
    ConsumerRecord<String, String> record =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> dead.getRecords().stream().filter(r -> key.equals(r.key())).findFirst(),
                Optional::isPresent)
            .get();
    return new String(
        record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
  }
}
