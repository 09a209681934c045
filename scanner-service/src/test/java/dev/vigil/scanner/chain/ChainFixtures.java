package dev.vigil.scanner.chain;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Registering chains and reading their events, for the chain @QuarkusTests. */
final class ChainFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private ChainFixtures() {}

  static RequestSpecification operator() {
    return given().auth().preemptive().basic("operator", "test-operator-password");
  }

  /** A 1 s chain whose head counts as stalled after 3 s. */
  static String chain(String expectedChainId) {
    return chain(expectedChainId, 3);
  }

  /** A 1 s chain whose head counts as stalled after {@code maxHeadAgeSeconds}. */
  static String chain(String expectedChainId, int maxHeadAgeSeconds) {
    String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
    operator()
        .contentType(ContentType.JSON)
        .body(
            """
            {"id":"%s","name":"Fast test chain","family":"EVM","expectedChainId":"%s",
             "blockTimeMillis":1000,"labels":{"env":"test"},"thresholds":{"maxHeadAgeSeconds":%d}}
            """
                .formatted(id, expectedChainId, maxHeadAgeSeconds))
        .post("/api/v1/chains")
        .then()
        .statusCode(201);
    return id;
  }

  /** A provider probed every second. */
  static String provider(String chainId, String name, String url) {
    String id = chainId + "-" + name.toLowerCase();
    operator()
        .contentType(ContentType.JSON)
        .body(
            """
            {"id":"%s","name":"%s","family":"EVM","url":"%s","intervalSeconds":1,
             "timeoutMillis":800,"labels":{"vendor":"%s"}}
            """
                .formatted(id, name, url, name.toLowerCase()))
        .post("/api/v1/chains/" + chainId + "/providers")
        .then()
        .statusCode(201);
    return id;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header(ConsumerRecord<String, String> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static Optional<ConsumerRecord<String, String>> first(
      List<ConsumerRecord<String, String>> records, String key, Predicate<JsonNode> matching) {
    return records.stream()
        .filter(r -> key.equals(r.key()) && r.value() != null && matching.test(parse(r.value())))
        .findFirst();
  }

  static boolean hasFinding(JsonNode observation, String code) {
    return observation.path("findings").findValuesAsText("code").contains(code);
  }
}
