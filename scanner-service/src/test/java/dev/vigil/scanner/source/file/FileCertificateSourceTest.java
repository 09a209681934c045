package dev.vigil.scanner.source.file;

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
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.source.SourceIds;
import dev.vigil.scanner.peers.OpenSslOcspResponder;
import dev.vigil.scanner.source.CertificateFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate files in the configured test directory ({@code target/test-certificate-files}) ->
 * scans on Kafka -> the inventory API. Also the cross-check only the inventory can make: a renewed
 * certificate in a file that the endpoint does not serve yet.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class FileCertificateSourceTest {

  static final Path WATCHED = Path.of("target/test-certificate-files");
  static final String KEYSTORE_PASSWORD = "test-Keystore-pw-7";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.outgoing.certificate-scans.topic")
  String scansTopic;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> scans;
  private Path dir;
  private TestPki pki;
  private String caName;

  @BeforeAll
  static void keystorePassword() throws IOException {
    // Matches %test.vigil.scanner.files.passwords."*.p12"=file:target/test-keystore-password
    Files.writeString(Path.of("target/test-keystore-password"), KEYSTORE_PASSWORD + "\n");
  }

  @BeforeEach
  void setUp() throws IOException {
    kafka = new KafkaCompanion(bootstrap);
    scans = kafka.consumeStrings().fromTopics(scansTopic);
    dir = Files.createDirectories(WATCHED.resolve(UUID.randomUUID().toString()));
    caName = "Files CA " + UUID.randomUUID();
    pki = TestPki.create(caName);
  }

  @AfterEach
  void tearDown() throws IOException {
    scans.close();
    kafka.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static String fileId(Path file, String entry) {
    return SourceIds.file(file.toAbsolutePath().normalize().toString(), entry);
  }

  private JsonNode latestScanOf(String targetId) {
    return await()
        .atMost(WAIT)
        .until(() -> latest(targetId), Optional::isPresent)
        .map(FileCertificateSourceTest::parse)
        .orElseThrow();
  }

  private Optional<String> latest(String targetId) {
    List<ConsumerRecord<String, String>> mine =
        scans.getRecords().stream().filter(r -> targetId.equals(r.key())).toList();
    return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1).value());
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void pemBundleIsPublishedChainByChainAndInventoriedWithItsPath() throws Exception {
    KeyMaterial leaf = pki.issueExpiringIn("bundle-" + UUID.randomUUID() + ".test", 10);
    TestPki otherCa = TestPki.create("Other files CA " + UUID.randomUUID());
    Path bundle =
        write(
            "fullchain.pem",
            CertificateFiles.pem(
                List.of(leaf.leaf(), pki.caCertificate(), otherCa.caCertificate())));
    String absolute = bundle.toAbsolutePath().normalize().toString();

    JsonNode first = latestScanOf(fileId(bundle, null));
    JsonNode second = latestScanOf(fileId(bundle, "chain-2"));

    assertThat(first.at("/target/kind").asText()).isEqualTo("FILE");
    assertThat(first.at("/target/path").asText()).isEqualTo(absolute);
    assertThat(first.at("/labels/origin").asText()).isEqualTo("test-files");
    assertThat(first.get("chain")).hasSize(2);
    assertThat(first.get("daysLeft").asLong()).isEqualTo(10);
    assertThat(first.get("findings").findValuesAsText("code")).containsExactly("EXPIRING_SOON");
    assertThat(second.at("/target/name").asText()).isEqualTo("chain-2");
    assertThat(second.at("/chain/0/subject").asText()).contains("Other files CA");

    String sha = CertificateFiles.sha256(leaf.leaf());
    String caSha = CertificateFiles.sha256(pki.caCertificate());
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .queryParam("source", "FILE")
                    .queryParam("issuer", caName)
                    .get("/api/v1/certificates")
                    .then()
                    .statusCode(200)
                    // the leaf and its (self-issued) CA; soonest expiry first
                    .body("total", equalTo(2))
                    .body("items.sha256", equalTo(List.of(sha, caSha)))
                    .body("items[0].inUse", equalTo(true))
                    .body("items[0].sources", equalTo(List.of("FILE")))
                    .body("items[0].findings", hasItem("EXPIRING_SOON")));
    given()
        .get("/api/v1/certificates/" + sha)
        .then()
        .statusCode(200)
        .body("certificate.daysLeft", equalTo(10))
        .body("locations[0].kind", equalTo("FILE"))
        .body("locations[0].path", equalTo(absolute))
        .body("locations[0].position", equalTo(0))
        .body("locations[0].current", equalTo(true))
        .body("history[0].outcome", equalTo("COMPLETED"))
        .body("history[0].findings", hasItem("EXPIRING_SOON"));
  }

  @Test
  void everyKeystoreAliasIsItsOwnScanAndThePasswordComesFromItsReference() throws Exception {
    Map<String, KeyMaterial> entries =
        Map.of(
            "web", pki.issueExpiringIn("web-" + UUID.randomUUID() + ".test", 40),
            "api", pki.issueExpiringIn("api-" + UUID.randomUUID() + ".test", 50));
    Path p12 = write("server.p12", CertificateFiles.keystore("PKCS12", KEYSTORE_PASSWORD, entries));
    Path jks = write("server.jks", CertificateFiles.keystore("JKS", KEYSTORE_PASSWORD, entries));

    for (Path store : List.of(p12, jks)) {
      for (String alias : List.of("web", "api")) {
        JsonNode scan = latestScanOf(fileId(store, alias));
        assertThat(scan.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(scan.at("/target/name").asText()).isEqualTo(alias);
        assertThat(scan.at("/chain/0/sha256Fingerprint").asText())
            .isEqualTo(CertificateFiles.sha256(entries.get(alias).leaf()));
      }
    }
  }

  @Test
  void unreadableFilesAreTypedFailuresThatNeverShowThePassword() throws Exception {
    Map<String, KeyMaterial> entry = Map.of("web", pki.issueExpiringIn("x.test", 40));
    Path wrongPassword =
        write("wrong.jks", CertificateFiles.keystore("JKS", "another-password", entry));
    Path noPassword =
        write("nopass.pfx", CertificateFiles.keystore("PKCS12", "another-password", entry));
    Path garbage = write("garbage.crt", "not a certificate".getBytes(StandardCharsets.US_ASCII));
    Path empty = write("empty.pem", new byte[0]);

    Map<Path, String> expected =
        Map.of(
            wrongPassword, "the keystore password is incorrect",
            noPassword, "no password configured under vigil.scanner.files.passwords",
            garbage, "neither PEM nor a DER certificate",
            empty, "the file is empty");
    expected.forEach(
        (file, detail) -> {
          JsonNode scan = latestScanOf(fileId(file, null));
          assertThat(scan.get("outcome").asText()).isEqualTo("UNREACHABLE");
          assertThat(scan.get("unreachableReason").asText()).isEqualTo("UNREADABLE");
          assertThat(scan.get("detail").asText()).contains(detail);
        });
    assertThat(scans.getRecords())
        .allSatisfy(r -> assertThat(r.value()).doesNotContain(KEYSTORE_PASSWORD));
  }

  @Test
  void renewedCertificateInAFileIsFlaggedUntilTheEndpointServesIt() throws Exception {
    String name = "renewed-" + UUID.randomUUID() + ".test";
    KeyMaterial served = pki.issueExpiringIn(name, 5);
    KeyMaterial renewed = pki.issueExpiringIn(name, 90);
    String servedSha = CertificateFiles.sha256(served.leaf());
    String renewedSha = CertificateFiles.sha256(renewed.leaf());
    write("renewed.pem", CertificateFiles.pem(renewed.chain()));

    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(served)) {
      String team = "t" + UUID.randomUUID().toString().replace("-", "");
      String targetId = register(endpoint.port(), team);

      JsonNode flagged =
          await()
              .atMost(WAIT)
              .until(
                  () -> latest(targetId).map(FileCertificateSourceTest::parse),
                  scan ->
                      scan.isPresent()
                          && scan.get()
                              .get("findings")
                              .findValuesAsText("code")
                              .contains("RENEWED_NOT_DEPLOYED"))
              .orElseThrow();
      JsonNode finding = findFinding(flagged, "RENEWED_NOT_DEPLOYED").orElseThrow();
      assertThat(finding.get("certificatePosition").asInt()).isZero();
      assertThat(finding.at("/evidence/newerSha256").asText()).isEqualTo(renewedSha);

      given()
          .get("/api/v1/certificates/" + servedSha)
          .then()
          .statusCode(200)
          .body("crossFindings[0].code", equalTo("RENEWED_NOT_DEPLOYED"))
          .body("crossFindings[0].evidence.newerSha256", equalTo(renewedSha))
          .body("locations[0].kind", equalTo("TLS_ENDPOINT"))
          .body("locations[0].labels.team", equalTo(team));
      given()
          .queryParam("finding", "RENEWED_NOT_DEPLOYED")
          .queryParam("label", "team:" + team)
          .get("/api/v1/certificates")
          .then()
          .statusCode(200)
          .body("total", equalTo(1))
          .body("items[0].sha256", equalTo(servedSha));

      endpoint.serve(renewed);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  given()
                      .get("/api/v1/certificates/" + servedSha)
                      .then()
                      .statusCode(200)
                      .body("crossFindings", equalTo(List.of()))
                      .body("certificate.inUse", equalTo(false)));
      given()
          .get("/api/v1/certificates/" + renewedSha)
          .then()
          .statusCode(200)
          .body("certificate.sources", equalTo(List.of("FILE", "TLS_ENDPOINT")))
          .body("certificate.locationCount", equalTo(2));
    }
  }

  @Test
  void revokedCertificateInAFileIsReportedByItsOcspResponder(@TempDir Path ocspDir)
      throws Exception {
    TestCertificate ca = pki.asIssuer();
    try (OpenSslOcspResponder responder =
        new OpenSslOcspResponder(ocspDir, ca, ca, "-nmin", "60")) {
      String name = "revoked-" + UUID.randomUUID() + ".test";
      TestCertificate leaf =
          TestPki.certificate(name).dns(name).ocspUrl(responder.url()).issuedBy(ca);
      responder.revoked(leaf.certificate(), Instant.parse("2026-02-03T04:05:06Z"), "keyCompromise");
      Path file = write("revoked.pem", (leaf.pem() + ca.pem()).getBytes(StandardCharsets.US_ASCII));

      JsonNode scan = latestScanOf(fileId(file, null));

      JsonNode revoked =
          findFinding(scan, "REVOKED")
              .orElseThrow(() -> new AssertionError("no REVOKED finding in " + scan));
      assertThat(revoked.at("/evidence/source").asText()).isEqualTo("ocsp");
      assertThat(revoked.at("/evidence/revokedAt").asText()).isEqualTo("2026-02-03T04:05:06Z");
      assertThat(responder.requests()).isPositive();
    }
  }

  private static Optional<JsonNode> findFinding(JsonNode scan, String code) {
    for (JsonNode f : scan.get("findings")) {
      if (code.equals(f.get("code").asText())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static String register(int port, String team) {
    return given()
        .auth()
        .preemptive()
        .basic("operator", "test-operator-password")
        .contentType(ContentType.JSON)
        .body(
            "{\"host\":\"localhost\",\"port\":" + port + ",\"labels\":{\"team\":\"" + team + "\"}}")
        .post("/api/v1/targets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
