package dev.vigil.scanner.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.source.CertificateFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inventory API: filters, pagination, problem+json. Fed by one watched PEM file. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class CertificateResourceTest {

  private static final String CA = "Inventory API CA " + UUID.randomUUID();
  private static final TestPki PKI = TestPki.create(CA);
  private static final List<KeyMaterial> LEAVES =
      List.of(
          PKI.issueExpiringIn("ten-" + UUID.randomUUID() + ".test", 10),
          PKI.issueExpiringIn("twenty-" + UUID.randomUUID() + ".test", 20),
          PKI.issueExpiringIn("thirty-" + UUID.randomUUID() + ".test", 30));
  private static final Path FILE =
      Path.of("target/test-certificate-files", "api-" + UUID.randomUUID() + ".pem");

  @BeforeAll
  static void threeLeavesInAWatchedFile() throws IOException {
    Files.createDirectories(FILE.getParent());
    Files.write(FILE, CertificateFiles.pem(LEAVES.stream().map(KeyMaterial::leaf).toList()));
  }

  @AfterAll
  static void removeFile() throws IOException {
    Files.deleteIfExists(FILE);
  }

  private static RequestSpecification mine() {
    return given().queryParam("issuer", CA.toLowerCase(java.util.Locale.ROOT));
  }

  private static String sha(int leaf) {
    return CertificateFiles.sha256(LEAVES.get(leaf).leaf());
  }

  private static void awaitInventoried() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> mine().get("/api/v1/certificates").then().body("total", equalTo(3)));
  }

  @Test
  void pagesAreSoonestExpiryFirstWithTheTotal() {
    awaitInventoried();

    mine()
        .queryParam("size", 2)
        .get("/api/v1/certificates")
        .then()
        .statusCode(200)
        .body("page", equalTo(0))
        .body("size", equalTo(2))
        .body("total", equalTo(3))
        .body("items.sha256", equalTo(List.of(sha(0), sha(1))))
        .body("items.daysLeft", equalTo(List.of(10, 20)));
    mine()
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/v1/certificates")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.sha256", equalTo(List.of(sha(2))));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      textBlock =
          """
          expiringWithinDays, 9,                 0
          expiringWithinDays, 10,                1
          expiringWithinDays, 20,                2
          source,             FILE,              3
          source,             TLS_ENDPOINT,      0
          label,              origin:test-files, 3
          label,              origin:elsewhere,  0
          inUse,              true,              3
          inUse,              false,             0
          finding,            EXPIRING_SOON,     2
          finding,            EXPIRED,           0
          """)
  void filtersCombineWithTheIssuer(String parameter, String value, int total) {
    awaitInventoried();

    mine()
        .queryParam(parameter, value)
        .get("/api/v1/certificates")
        .then()
        .statusCode(200)
        .body("total", equalTo(total))
        .body("items.size()", equalTo(total));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      textBlock =
          """
          expiringWithinDays, soon
          expiringWithinDays, -3
          finding,            not a code
          label,              team
          source,             S3_BUCKET
          inUse,              maybe
          page,               -1
          size,               0
          size,               10000
          """)
  void badParameterIsA400NamingIt(String parameter, String value) {
    given()
        .queryParam(parameter, value)
        .get("/api/v1/certificates")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo(parameter));
  }

  @Test
  void unknownCertificateIsA404Problem() {
    given()
        .get("/api/v1/certificates/" + "ab".repeat(32))
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(404));
  }

  @Test
  void malformedFingerprintIsA400Problem() {
    given()
        .get("/api/v1/certificates/not-a-fingerprint")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].field", equalTo("sha256"));
  }

  @Test
  void fingerprintIsCaseInsensitive() {
    awaitInventoried();

    given()
        .get("/api/v1/certificates/" + sha(1).toUpperCase(java.util.Locale.ROOT))
        .then()
        .statusCode(200)
        .body("certificate.sha256", equalTo(sha(1)))
        .body(
            "certificate.serialNumber",
            equalTo(LEAVES.get(1).leaf().getSerialNumber().toString(16)))
        .body(
            "certificate.notAfter",
            startsWith(LEAVES.get(1).leaf().getNotAfter().toInstant().toString().substring(0, 19)))
        .body("locations[0].labels.origin", equalTo("test-files"));
  }
}
