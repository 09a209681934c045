package dev.vigil.scanner.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.peers.HostilePeers;
import dev.vigil.scanner.peers.LoopbackServer;
import dev.vigil.scanner.peers.OpenSsl;
import dev.vigil.scanner.peers.ServerTls;
import dev.vigil.scanner.peers.StartTlsPeer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How targets are reached (STARTTLS, every address, hostile peers), end to end through Kafka. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class ConnectionScanTest {

  private static final TestPki PKI = TestPki.create("Connection scan CA");
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

  private static String register(String body) {
    return given()
        .auth()
        .preemptive()
        .basic("operator", "test-operator-password")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/targets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Scan events of one target, in the order they were published (one partition per key). */
  private List<JsonNode> scansOf(String targetId) {
    return scans.getRecords().stream()
        .filter(r -> targetId.equals(r.key()))
        .map(ConsumerRecord::value)
        .map(ConnectionScanTest::parse)
        .toList();
  }

  private JsonNode firstScanOf(String targetId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> scansOf(targetId), list -> !list.isEmpty())
        .get(0);
  }

  private static String address(JsonNode scan) {
    return scan.get("target").get("address").asText();
  }

  private static List<String> codes(JsonNode scan) {
    return scan.get("findings").findValuesAsText("code");
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void hungTargetDoesNotDelayAnotherTargetsScan() {
    try (LoopbackServer silent = HostilePeers.silent();
        LocalTlsEndpoint healthy = LocalTlsEndpoint.start(PKI.issueExpiringIn("localhost", 90))) {
      String hung = register("{\"host\":\"127.0.0.1\",\"port\":" + silent.port() + "}");
      String fine = register("{\"host\":\"localhost\",\"port\":" + healthy.port() + "}");

      JsonNode fineScan = firstScanOf(fine);
      // The hung target was claimed first but holds one worker until its 5 s deadline; the
      // healthy one is scanned meanwhile on another worker.
      assertThat(scansOf(hung)).as("hung target still in its handshake").isEmpty();
      assertThat(fineScan.get("outcome").asText()).isEqualTo("COMPLETED");

      JsonNode hungScan = firstScanOf(hung);
      assertThat(hungScan.get("outcome").asText()).isEqualTo("UNREACHABLE");
      assertThat(hungScan.get("unreachableReason").asText()).isEqualTo("TIMEOUT");
    }
  }

  @Test
  void everyAddressGetsItsOwnScanKeyedByTheTarget() throws Exception {
    KeyMaterial good = PKI.issueExpiringIn("shop" + TwoNodeResolver.DOMAIN, 90);
    KeyMaterial stale = PKI.issueExpiringIn("shop" + TwoNodeResolver.DOMAIN, -1);
    try (LocalTlsEndpoint v4 = LocalTlsEndpoint.start(good, InetAddress.getByName("127.0.0.1"), 0);
        LocalTlsEndpoint v6 =
            LocalTlsEndpoint.start(stale, InetAddress.getByName("::1"), v4.port())) {
      String id =
          register(
              "{\"host\":\"shop"
                  + TwoNodeResolver.DOMAIN
                  + "\",\"port\":"
                  + v4.port()
                  + ",\"allAddresses\":true}");

      // Rounds may overlap (tests rescan every second), so look at scans per address.
      List<JsonNode> all =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> scansOf(id),
                  list -> list.stream().map(ConnectionScanTest::address).distinct().count() == 2);

      assertThat(all)
          .extracting(ConnectionScanTest::address)
          .containsOnly("127.0.0.1", "0:0:0:0:0:0:0:1");
      assertThat(all)
          .filteredOn(s -> address(s).equals("127.0.0.1"))
          .allSatisfy(s -> assertThat(codes(s)).doesNotContain("EXPIRED"));
      assertThat(all)
          .filteredOn(s -> address(s).equals("0:0:0:0:0:0:0:1"))
          .allSatisfy(s -> assertThat(codes(s)).contains("EXPIRED"));
      given().get("/api/v1/targets/" + id).then().body("allAddresses", equalTo(true));
    }
  }

  @Test
  void smtpTargetIsScannedAfterStartTlsWithItsAcceptedVersions() {
    ServerTls tls = new ServerTls(PKI.issueExpiringIn("mail.vigil.test", 90));
    try (LoopbackServer smtp = StartTlsPeer.start(StartTls.SMTP, tls, true)) {
      String id =
          register(
              "{\"host\":\"127.0.0.1\",\"port\":"
                  + smtp.port()
                  + ",\"serverName\":\"mail.vigil.test\",\"starttls\":\"smtp\"}");

      JsonNode scan = firstScanOf(id);

      assertThat(scan.get("outcome").asText()).isEqualTo("COMPLETED");
      assertThat(scan.get("protocol").asText()).isEqualTo("TLSv1.3");
      assertThat(JSON.convertValue(scan.get("acceptedProtocols"), List.class))
          .containsExactly("TLSv1.2", "TLSv1.3");
      assertThat(scan.get("findings").findValuesAsText("code")).doesNotContain("OUTDATED_PROTOCOL");
      given().get("/api/v1/targets/" + id).then().body("starttls", equalTo("SMTP"));
    }
  }

  @Test
  void postgresThatRefusesSslIsUnreachableWithStartTlsFailed() {
    ServerTls tls = new ServerTls(PKI.issueExpiringIn("db.vigil.test", 90));
    try (LoopbackServer postgres = StartTlsPeer.start(StartTls.POSTGRES, tls, false)) {
      String id =
          register(
              "{\"host\":\"127.0.0.1\",\"port\":"
                  + postgres.port()
                  + ",\"starttls\":\"POSTGRES\"}");

      JsonNode scan = firstScanOf(id);

      assertThat(scan.get("outcome").asText()).isEqualTo("UNREACHABLE");
      assertThat(scan.get("unreachableReason").asText()).isEqualTo("STARTTLS_FAILED");
      assertThat(scan.has("acceptedProtocols")).isFalse();
    }
  }

  @Test
  void endpointStillAcceptingTls10IsReportedOutdated(@TempDir Path pem) {
    OpenSsl.writePem(PKI.issueExpiringIn("localhost", 90), pem);
    try (OpenSsl.Server legacy =
        OpenSsl.server(pem, "127.0.0.1", "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")) {
      String id = register("{\"host\":\"localhost\",\"port\":" + legacy.port() + "}");

      JsonNode scan = firstScanOf(id);

      assertThat(scan.get("outcome").asText()).isEqualTo("COMPLETED");
      assertThat(scan.get("protocol").asText()).isEqualTo("TLSv1");
      assertThat(JSON.convertValue(scan.get("acceptedProtocols"), List.class))
          .containsExactly("TLSv1");
      JsonNode outdated =
          scan.get("findings").findParents("code").stream()
              .filter(f -> f.get("code").asText().equals("OUTDATED_PROTOCOL"))
              .findFirst()
              .orElseThrow();
      assertThat(outdated.get("severity").asText()).isEqualTo("WARNING");
      assertThat(outdated.get("evidence").get("acceptedProtocols").asText()).isEqualTo("TLSv1");
    }
  }

  @Test
  void unknownStartTlsProtocolIsRejectedNamingTheField() {
    given()
        .auth()
        .preemptive()
        .basic("operator", "test-operator-password")
        .contentType(ContentType.JSON)
        .body("{\"host\":\"mail.example.com\",\"port\":25,\"starttls\":\"smtps\"}")
        .post("/api/v1/targets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("starttls"));
  }
}
