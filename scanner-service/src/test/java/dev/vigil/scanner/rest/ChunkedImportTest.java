package dev.vigil.scanner.rest;

import static dev.vigil.scanner.rest.TargetResourceTest.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A bulk import larger than one chunk (the test profile's chunk is 100 targets). */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class ChunkedImportTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.scan-targets.topic")
  String targetsTopic;

  @ConfigProperty(name = "vigil.scanner.import.chunk-size")
  int chunkSize;

  @Test
  void importOfSeveralChunksStoresAndPublishesEveryTargetInOrder() {
    int rows = 2 * chunkSize + 50;
    String team = "chunked-" + System.nanoTime();
    StringBuilder csv = new StringBuilder("host,port,intervalSeconds,labels\n");
    for (int i = 0; i < rows; i++) {
      csv.append("127.0.0.1,%d,604800,team=%s;row=r%d\n".formatted(3000 + i, team, i));
    }
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
        ConsumerTask<String, String> topic = kafka.consumeStrings().fromTopics(targetsTopic)) {
      List<String> ids =
          operator()
              .config(
                  RestAssured.config()
                      .encoderConfig(
                          EncoderConfig.encoderConfig()
                              .encodeContentTypeAs("text/csv", ContentType.TEXT)))
              .contentType("text/csv")
              .body(csv.toString())
              .post("/api/v1/targets/import")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getList("id", String.class);

      assertThat(ids).hasSize(rows).doesNotHaveDuplicates();
      List<String> rowLabels =
          operator()
              .get("/api/v1/targets")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("findAll { it.labels.team == '" + team + "' }.labels.row", String.class);
      assertThat(rowLabels).hasSize(rows);
      Set<String> expected = new HashSet<>(ids);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  topic.getRecords().stream()
                      .map(ConsumerRecord::key)
                      .collect(Collectors.toSet())
                      .containsAll(expected));
      String lastRow =
          operator()
              .get("/api/v1/targets/" + ids.get(rows - 1))
              .then()
              .statusCode(200)
              .extract()
              .path("labels.row");
      assertThat(lastRow).isEqualTo("r" + (rows - 1));
    }
  }
}
