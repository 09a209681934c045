package dev.vigil.scanner.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real TLS endpoint -> real scan -> real Kafka record, through the public REST API. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class ScanPipelineTest {

  private static final TestPki PKI = TrustedTestCa.pki();
  private static final ObjectMapper JSON = new ObjectMapper();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.outgoing.certificate-scans.topic")
  String scansTopic;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> scans;

  @BeforeEach
  void consumeScans() {
    kafka = new KafkaCompanion(bootstrap);
    scans = kafka.consumeStrings().fromTopics(scansTopic);
  }

  @AfterEach
  void stop() {
    scans.close();
    kafka.close();
  }

  private static String register(int port) {
    return given()
        .auth()
        .preemptive()
        .basic("operator", "test-operator-password")
        .contentType(ContentType.JSON)
        .body("{\"host\":\"localhost\",\"port\":" + port + ",\"labels\":{\"env\":\"test\"}}")
        .post("/api/v1/targets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private Optional<ConsumerRecord<String, String>> latestScanOf(String targetId) {
    List<ConsumerRecord<String, String>> mine =
        scans.getRecords().stream().filter(r -> targetId.equals(r.key())).toList();
    return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String header(ConsumerRecord<String, String> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void expiringCertificateIsPublishedAsCloudEventWithFinding() throws Exception {
    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(PKI.issueExpiringIn("localhost", 5))) {
      String id = register(endpoint.port());

      ConsumerRecord<String, String> scan =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> latestScanOf(id), Optional::isPresent)
              .get();

      assertThat(header(scan, "ce_type")).isEqualTo("dev.vigil.certificate.scanned.v1");
      assertThat(header(scan, "ce_source")).startsWith("/vigil/scanner-service/");
      assertThat(header(scan, "ce_subject")).isEqualTo(id);
      assertThat(header(scan, "ce_specversion")).isEqualTo("1.0");
      assertThat(scan.headers().lastHeader("ce_id")).isNotNull();
      assertThat(scan.headers().lastHeader("ce_time")).isNotNull();
      JsonNode body = JSON.readTree(scan.value());
      assertThat(body.get("outcome").asText()).isEqualTo("COMPLETED");
      assertThat(body.get("daysLeft").asLong()).isEqualTo(5);
      assertThat(body.get("labels").get("env").asText()).isEqualTo("test");
      assertThat(body.get("chain")).hasSize(2);
      assertThat(body.get("findings").findValuesAsText("code")).containsExactly("EXPIRING_SOON");

      given()
          .get("/api/v1/targets/" + id)
          .then()
          .statusCode(200)
          .body("lastScan.outcome", org.hamcrest.Matchers.equalTo("COMPLETED"))
          .body("lastScan.findings", org.hamcrest.Matchers.hasItem("EXPIRING_SOON"));
    }
  }

  @Test
  void renewedCertificateIsSeenOnTheNextScan() throws Exception {
    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(PKI.issueExpiringIn("localhost", -2))) {
      String id = register(endpoint.port());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> latestScanOf(id).map(r -> r.value().contains("\"EXPIRED\"")).orElse(false));

      endpoint.serve(PKI.issueExpiringIn("localhost", 90));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  latestScanOf(id)
                      .map(r -> parse(r.value()))
                      .map(b -> b.get("daysLeft").asLong() == 90 && b.get("findings").isEmpty())
                      .orElse(false));
    }
  }

  @Test
  void closedPortIsReportedUnreachableWithATypedReason() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String id = register(closedPort);
    ConsumerRecord<String, String> scan =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> latestScanOf(id), Optional::isPresent)
            .get();
    JsonNode body = JSON.readTree(scan.value());
    assertThat(body.get("outcome").asText()).isEqualTo("UNREACHABLE");
    assertThat(body.get("unreachableReason").asText()).isEqualTo("REFUSED");
  }
}
