package dev.vigil.scanner.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.peers.OpenSslOcspResponder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS endpoints with broken certificates -> a real scan -> the finding in the published
 * CertificateScanned event. The scanner trusts {@link TrustedTestCa} through its CA bundle setting.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
@QuarkusTestResource(TrustedTestCa.class)
class CertificateFindingsPipelineTest {

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

  private static String register(int port, String labelsJson) {
    return register(port, labelsJson, "");
  }

  /** {@code extraJson} is appended to the body's fields, e.g. {@code ,"warningDays":45}. */
  private static String register(int port, String labelsJson, String extraJson) {
    return given()
        .auth()
        .preemptive()
        .basic("operator", "test-operator-password")
        .contentType(ContentType.JSON)
        .body(
            "{\"host\":\"localhost\",\"port\":"
                + port
                + ",\"labels\":"
                + labelsJson
                + extraJson
                + "}")
        .post("/api/v1/targets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private JsonNode firstScanOf(String targetId) {
    ConsumerRecord<String, String> scan =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> scans.getRecords().stream().filter(r -> targetId.equals(r.key())).findFirst(),
                Optional::isPresent)
            .get();
    try {
      return JSON.readTree(scan.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> codes(JsonNode scan) {
    return scan.get("findings").findValuesAsText("code");
  }

  private static JsonNode finding(JsonNode scan, String code) {
    for (JsonNode f : scan.get("findings")) {
      if (code.equals(f.get("code").asText())) {
        return f;
      }
    }
    throw new AssertionError("no " + code + " in " + scan.get("findings"));
  }

  @Test
  void aTargetsOwnThresholdsDecideTheSeverityOfExpiringSoon() {
    TestPki pki = TrustedTestCa.pki();
    // 40 days left: fine under the defaults (28/14), a warning at 45, critical at 41.
    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(pki.issueExpiringIn("localhost", 40))) {
      String plain = register(endpoint.port(), "{}");
      String warned = register(endpoint.port(), "{}", ",\"warningDays\":45");
      String critical = register(endpoint.port(), "{}", ",\"warningDays\":60,\"criticalDays\":41");

      assertThat(codes(firstScanOf(plain))).doesNotContain("EXPIRING_SOON");
      JsonNode warning = finding(firstScanOf(warned), "EXPIRING_SOON");
      assertThat(warning.get("severity").asText()).isEqualTo("WARNING");
      assertThat(warning.get("evidence").get("warningDays").asText()).isEqualTo("45");
      JsonNode crit = finding(firstScanOf(critical), "EXPIRING_SOON");
      assertThat(crit.get("severity").asText()).isEqualTo("CRITICAL");
      assertThat(crit.get("evidence").get("criticalDays").asText()).isEqualTo("41");
    }
  }

  @Test
  void certificateForAnotherNameIsAHostnameMismatch() {
    TestPki pki = TrustedTestCa.pki();
    try (LocalTlsEndpoint endpoint =
        LocalTlsEndpoint.start(pki.issueExpiringIn("elsewhere.example", 90))) {
      JsonNode scan = firstScanOf(register(endpoint.port(), "{}"));

      assertThat(codes(scan)).containsExactly("HOSTNAME_MISMATCH");
      JsonNode mismatch = finding(scan, "HOSTNAME_MISMATCH");
      assertThat(mismatch.get("severity").asText()).isEqualTo("CRITICAL");
      assertThat(mismatch.get("evidence").get("expectedName").asText()).isEqualTo("localhost");
      // Failing validation does not hide what the certificate is.
      assertThat(scan.get("chain").get(0).get("subject").asText()).contains("CN=elsewhere.example");
      assertThat(scan.get("daysLeft").asLong()).isEqualTo(90);
    }
  }

  @Test
  void selfSignedCertificateIsReportedOnce() {
    var selfSigned = TestPki.certificate("localhost").dns("localhost").ip("127.0.0.1").selfSigned();
    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(selfSigned.serveWith())) {
      JsonNode scan = firstScanOf(register(endpoint.port(), "{}"));

      assertThat(codes(scan)).containsExactly("SELF_SIGNED");
      assertThat(finding(scan, "SELF_SIGNED").get("severity").asText()).isEqualTo("CRITICAL");
      assertThat(scan.get("chain").get(0).get("selfSigned").asBoolean()).isTrue();
    }
  }

  @Test
  void labelRulesChooseTheExpiryThresholds() {
    // application.properties (%test): env=strict-test warns 120 days ahead.
    Instant now = Instant.now();
    TestPki pki = TrustedTestCa.pki();
    try (LocalTlsEndpoint endpoint =
        LocalTlsEndpoint.start(
            pki.issue("localhost", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60))))) {
      JsonNode strict = firstScanOf(register(endpoint.port(), "{\"env\":\"strict-test\"}"));
      JsonNode normal = firstScanOf(register(endpoint.port(), "{\"env\":\"test\"}"));

      assertThat(codes(strict)).containsExactly("EXPIRING_SOON");
      assertThat(finding(strict, "EXPIRING_SOON").get("evidence").get("warningDays").asText())
          .isEqualTo("120");
      assertThat(codes(normal)).isEmpty();
    }
  }

  @Test
  void certificateItsResponderCallsRevokedIsRevoked(@TempDir Path dir) {
    TestCertificate ca = TrustedTestCa.pki().asIssuer();
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, ca, ca, "-nmin", "60")) {
      TestCertificate leaf =
          TestPki.certificate("localhost").dns("localhost").ocspUrl(responder.url()).issuedBy(ca);
      responder.revoked(leaf.certificate(), Instant.parse("2026-02-03T04:05:06Z"), "keyCompromise");
      try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(leaf.serveWith(ca))) {
        JsonNode scan = firstScanOf(register(endpoint.port(), "{}"));

        assertThat(codes(scan)).containsExactly("REVOKED");
        JsonNode revoked = finding(scan, "REVOKED");
        assertThat(revoked.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(revoked.get("evidence").get("source").asText()).isEqualTo("ocsp");
        assertThat(revoked.get("evidence").get("revokedAt").asText())
            .isEqualTo("2026-02-03T04:05:06Z");
        // A revoked certificate still reports what it is.
        assertThat(scan.get("chain").get(0).get("subject").asText()).contains("CN=localhost");
      }
    }
  }

  @Test
  void certificateWhoseResponderIsDownIsUncheckable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    TestCertificate ca = TrustedTestCa.pki().asIssuer();
    TestCertificate leaf =
        TestPki.certificate("localhost")
            .dns("localhost")
            .ocspUrl("http://127.0.0.1:" + closed + "/ocsp")
            .issuedBy(ca);
    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(leaf.serveWith(ca))) {
      JsonNode scan = firstScanOf(register(endpoint.port(), "{}"));

      assertThat(codes(scan)).containsExactly("REVOCATION_UNCHECKABLE");
      JsonNode uncheckable = finding(scan, "REVOCATION_UNCHECKABLE");
      assertThat(uncheckable.get("severity").asText()).isEqualTo("WARNING");
      assertThat(uncheckable.get("evidence").get("why").asText()).isEqualTo("UNREACHABLE");
    }
  }
}
