package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.RevocationCheck;
import dev.vigil.scanner.peers.OpenSsl;
import dev.vigil.scanner.peers.OpenSslOcspResponder;
import dev.vigil.scanner.tls.revocation.RevocationChecker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSP stapling with {@code openssl s_server -status_file}: the scanner reads the stapled response
 * during its handshake and judges it without asking any responder (the certificate's responder URL
 * points at a closed port).
 */
class StapledOcspTest {

  static final TestCertificate CA = TestPki.certificate("Stapling Test CA").ca().selfSigned();

  private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

  static String deadResponder() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/ocsp";
    }
  }

  private RevocationChecker checker() {
    return new RevocationChecker(
        new IssuerLookup(
            TrustAnchors.of(List.of(), Map.of()), new SignatureChecks(), new ParsedCertificates()),
        new PolicyHttp(AddressPolicy.defaults(), Duration.ofSeconds(10)),
        new RevocationCheck(clock, Duration.ofHours(1)),
        clock,
        new RevocationChecker.Settings(
            true, 65_536, 1 << 20, 100, 4, 3, false, Duration.ofSeconds(10)));
  }

  /** Serves {@code leaf} with openssl, stapling the response openssl's responder gives for it. */
  private List<Finding> scanStapled(
      Path dir, TestCertificate leaf, OpenSslOcspResponder responder, String... serverOptions)
      throws IOException {
    Path staple = dir.resolve("staple.der");
    Files.write(staple, responder.respond(responder.requestFor(leaf, CA)));
    Path pem = Files.createDirectories(dir.resolve("pem"));
    OpenSsl.writePem(leaf.serveWith(CA), pem);
    List<String> options = new java.util.ArrayList<>(List.of("-status_file", staple.toString()));
    options.addAll(List.of(serverOptions));
    try (OpenSsl.Server server = OpenSsl.server(pem, "127.0.0.1", options.toArray(String[]::new))) {
      FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("localhost", server.port()));
      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.stapledOcsp()).as("stapled response").isNotNull();
      BouncyCastleCertificateDecoder decoder = new BouncyCastleCertificateDecoder();
      List<CertificateFacts> facts = chain.certificates().stream().map(decoder::decode).toList();
      return checker().findings(chain.certificates(), facts, chain.stapledOcsp());
    }
  }

  @Test
  void aRevokedStapledResponseIsRevokedWithoutAnyResponderReachable(@TempDir Path dir)
      throws IOException {
    TestCertificate leaf =
        TestPki.certificate("localhost").dns("localhost").ocspUrl(deadResponder()).issuedBy(CA);
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      responder.revoked(leaf.certificate(), Instant.parse("2026-03-04T05:06:07Z"), "keyCompromise");

      List<Finding> findings = scanStapled(dir, leaf, responder);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("REVOKED");
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.evidence())
                    .containsEntry("source", "stapled-ocsp")
                    .containsEntry("revokedAt", "2026-03-04T05:06:07Z")
                    .containsEntry("reason", "keyCompromise");
              });
    }
  }

  @Test
  void aResponseStapledInATls12CertificateStatusMessageIsReadToo(@TempDir Path dir)
      throws IOException {
    TestCertificate leaf =
        TestPki.certificate("localhost").dns("localhost").ocspUrl(deadResponder()).issuedBy(CA);
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      responder.revoked(leaf.certificate(), Instant.parse("2026-03-04T05:06:07Z"), "keyCompromise");

      List<Finding> findings = scanStapled(dir, leaf, responder, "-tls1_2");

      assertThat(findings)
          .singleElement()
          .satisfies(f -> assertThat(f.evidence()).containsEntry("source", "stapled-ocsp"));
    }
  }

  @Test
  void theJdkClientReadsTheStapledResponseOnItsFirstHandshakeToo(@TempDir Path dir)
      throws IOException {
    TestCertificate leaf =
        TestPki.certificate("localhost").dns("localhost").ocspUrl(deadResponder()).issuedBy(CA);
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      responder.valid(leaf.certificate());
      Path staple = dir.resolve("staple.der");
      Files.write(staple, responder.respond(responder.requestFor(leaf, CA)));
      Path pem = Files.createDirectories(dir.resolve("pem"));
      OpenSsl.writePem(leaf.serveWith(CA), pem);
      try (OpenSsl.Server server =
          OpenSsl.server(pem, "127.0.0.1", "-status_file", staple.toString())) {
        FetchedChain chain =
            Scanners.fetcher(HandshakeClient.JDK)
                .fetch(Scanners.target("localhost", server.port()));

        assertThat(chain.protocol()).isEqualTo("TLSv1.3");
        assertThat(chain.stapledOcsp()).isEqualTo(Files.readAllBytes(staple));
      }
    }
  }

  @Test
  void aGoodStapledResponseSettlesItWithoutAskingTheResponder(@TempDir Path dir)
      throws IOException {
    TestCertificate leaf =
        TestPki.certificate("localhost").dns("localhost").ocspUrl(deadResponder()).issuedBy(CA);
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      responder.valid(leaf.certificate());

      // The URL's responder is down: a finding would appear if the checker went past the staple.
      assertThat(scanStapled(dir, leaf, responder)).isEmpty();
    }
  }

  @Test
  void aStapledResponseForAnotherCertificateIsNotBelieved(@TempDir Path dir) throws IOException {
    String dead = deadResponder();
    TestCertificate leaf =
        TestPki.certificate("localhost").dns("localhost").ocspUrl(dead).issuedBy(CA);
    TestCertificate other = TestPki.certificate("other").ocspUrl(dead).issuedBy(CA);
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      responder.revoked(other.certificate(), Instant.parse("2026-03-04T05:06:07Z"), "superseded");
      Path staple = dir.resolve("staple.der");
      Files.write(staple, responder.respond(responder.requestFor(other, CA)));
      Path pem = Files.createDirectories(dir.resolve("pem"));
      OpenSsl.writePem(leaf.serveWith(CA), pem);
      try (OpenSsl.Server server =
          OpenSsl.server(pem, "127.0.0.1", "-status_file", staple.toString())) {
        FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("localhost", server.port()));
        BouncyCastleCertificateDecoder decoder = new BouncyCastleCertificateDecoder();
        List<Finding> findings =
            checker()
                .findings(
                    chain.certificates(),
                    chain.certificates().stream().map(decoder::decode).toList(),
                    chain.stapledOcsp());

        assertThat(findings)
            .singleElement()
            .satisfies(
                f -> {
                  assertThat(f.code()).isEqualTo("REVOCATION_UNCHECKABLE");
                  assertThat(f.evidence())
                      .containsEntry("why", "WRONG_CERTIFICATE")
                      .containsEntry(
                          "attempts",
                          "stapled-ocsp@127.0.0.1:WRONG_CERTIFICATE,"
                              + "ocsp@127.0.0.1:UNREACHABLE");
                });
      }
    }
  }

  @Test
  void aServerThatStaplesNothingGivesNoStapledResponse() throws IOException {
    TestCertificate leaf = TestPki.certificate("localhost").dns("localhost").issuedBy(CA);
    Path pem = Files.createTempDirectory("nostaple");
    OpenSsl.writePem(leaf.serveWith(CA), pem);
    try (OpenSsl.Server server = OpenSsl.server(pem, "127.0.0.1")) {
      FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("localhost", server.port()));

      assertThat(chain.failure()).isNull();
      assertThat(chain.stapledOcsp()).isNull();
    }
  }
}
