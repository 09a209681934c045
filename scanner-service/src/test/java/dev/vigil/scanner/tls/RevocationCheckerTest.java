package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestCertificateBuilder;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.CertificateRevocation;
import dev.vigil.scanner.domain.Cidr;
import dev.vigil.scanner.domain.RevocationAnswer;
import dev.vigil.scanner.domain.RevocationCheck;
import dev.vigil.scanner.peers.OpenSslOcspResponder;
import dev.vigil.scanner.tls.revocation.RevocationChecker;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The revocation check against real peers on loopback: OCSP answers made by {@code openssl ocsp},
 * CRLs served by a JDK HTTP server. Each test builds the certificates it is about.
 */
class RevocationCheckerTest {

  static final TestCertificate CA = TestPki.certificate("Revocation Test CA").ca().selfSigned();
  static final TestCertificate OTHER_CA = TestPki.certificate("Some Other CA").ca().selfSigned();

  @TempDir Path dir;

  /** Fixed at the real time: openssl dates its answers with the real clock. */
  private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

  private HttpServer crlServer;
  private final AtomicReference<byte[]> crl = new AtomicReference<>();
  private final AtomicInteger crlRequests = new AtomicInteger();

  @BeforeEach
  void startCrlServer() throws IOException {
    crlServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    crlServer.createContext(
        "/ca.crl",
        ex -> {
          crlRequests.incrementAndGet();
          byte[] body = crl.get();
          ex.getResponseHeaders().add("Content-Type", "application/pkix-crl");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    // What broken or busy responders send: a bare responseStatus (RFC 6960 4.2.1), garbage, 500.
    Map<String, byte[]> responders =
        Map.of(
            "/try-later", new byte[] {0x30, 0x03, 0x0a, 0x01, 0x03},
            "/unauthorized", new byte[] {0x30, 0x03, 0x0a, 0x01, 0x06},
            "/internal-error", new byte[] {0x30, 0x03, 0x0a, 0x01, 0x02},
            "/garbage", "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    responders.forEach(
        (path, body) ->
            crlServer.createContext(
                path,
                ex -> {
                  ex.getRequestBody().readAllBytes();
                  ex.getResponseHeaders().add("Content-Type", "application/ocsp-response");
                  ex.sendResponseHeaders(200, body.length);
                  try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                  }
                }));
    crlServer.createContext(
        "/failing",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    crlServer.start();
  }

  @AfterEach
  void stopCrlServer() {
    crlServer.stop(0);
  }

  String crlUrl() {
    return "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/ca.crl";
  }

  static TestCertificateBuilder leaf() {
    return TestPki.certificate("localhost").dns("localhost");
  }

  RevocationChecker checker() {
    return checker(AddressPolicy.defaults(), false, 1 << 20);
  }

  RevocationChecker checker(AddressPolicy policy, boolean nonce, int crlMaxBytes) {
    return checker(policy, nonce, crlMaxBytes, Duration.ofSeconds(10));
  }

  RevocationChecker checker(AddressPolicy policy, boolean nonce, int crlMaxBytes, Duration budget) {
    return new RevocationChecker(
        new IssuerLookup(
            TrustAnchors.of(List.of(), Map.of()), new SignatureChecks(), new ParsedCertificates()),
        new PolicyHttp(policy, Duration.ofSeconds(10)),
        new RevocationCheck(clock, Duration.ofHours(1)),
        clock,
        new RevocationChecker.Settings(true, 65_536, crlMaxBytes, 100, 4, 3, nonce, budget));
  }

  static List<byte[]> chain(TestCertificate leaf) {
    return List.of(leaf.der(), CA.der());
  }

  static List<Finding> findings(RevocationChecker checker, TestCertificate leaf) {
    List<byte[]> served = chain(leaf);
    BouncyCastleCertificateDecoder decoder = new BouncyCastleCertificateDecoder();
    List<CertificateFacts> facts = served.stream().map(decoder::decode).toList();
    return checker.findings(served, facts, null);
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  byte[] crl(TestCertificate signer, Instant nextUpdate, TestCertificate... revoked)
      throws Exception {
    Instant thisUpdate = clock.instant().minus(1, ChronoUnit.HOURS);
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(
                X500Name.getInstance(CA.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(thisUpdate))
            .setNextUpdate(Date.from(nextUpdate));
    for (TestCertificate r : revoked) {
      builder.addCRLEntry(
          r.certificate().getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
    }
    // Some other certificate too, so the lookup is not "the only entry".
    builder.addCRLEntry(BigInteger.valueOf(4242), Date.from(thisUpdate), CRLReason.superseded);
    return builder
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.keys().getPrivate()))
        .getEncoded();
  }

  // ---- OCSP through openssl ----

  @Test
  void aCertificateOpenSslCallsGoodHasNoFinding() {
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.valid(leaf.certificate());

      List<CertificateRevocation> checked = checker().check(chain(leaf), null);

      assertThat(checked).singleElement().satisfies(c -> assertThat(c.position()).isZero());
      assertThat(checked.get(0).answers())
          .extracting(RevocationAnswer::status)
          .containsExactly(RevocationAnswer.Status.GOOD);
      assertThat(findings(checker(), leaf)).isEmpty();
    }
  }

  @Test
  void aCertificateOpenSslCallsRevokedIsRevoked() {
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.revoked(leaf.certificate(), Instant.parse("2026-01-02T03:04:05Z"), "keyCompromise");

      List<Finding> findings = findings(checker(), leaf);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("REVOKED");
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.certificatePosition()).isZero();
                assertThat(f.evidence())
                    .containsEntry("source", "ocsp")
                    .containsEntry("reason", "keyCompromise")
                    .containsEntry("revokedAt", "2026-01-02T03:04:05Z")
                    .containsEntry("responderHost", "127.0.0.1");
              });
    }
  }

  @Test
  void aCertificateOpenSslDoesNotKnowIsUncheckable() {
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);

      List<Finding> findings = findings(checker(), leaf);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("REVOCATION_UNCHECKABLE");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.evidence()).containsEntry("why", "UNKNOWN_CERTIFICATE");
              });
    }
  }

  @Test
  void aDelegatedResponderCertifiedForOcspSigningIsBelieved() {
    TestCertificate delegate = TestPki.certificate("OCSP Responder").ocspSigning().issuedBy(CA);
    try (OpenSslOcspResponder responder =
        new OpenSslOcspResponder(dir, CA, delegate, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.revoked(leaf.certificate(), Instant.parse("2026-01-02T03:04:05Z"), "superseded");

      assertThat(findings(checker(), leaf))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("REVOKED");
                assertThat(f.evidence()).containsEntry("reason", "superseded");
              });
    }
  }

  @Test
  void aResponderWithoutTheOcspSigningPurposeIsNotBelieved() {
    TestCertificate impostor = TestPki.certificate("Not A Responder").issuedBy(CA);
    try (OpenSslOcspResponder responder =
        new OpenSslOcspResponder(dir, CA, impostor, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.revoked(leaf.certificate(), Instant.parse("2026-01-02T03:04:05Z"), "keyCompromise");

      assertThat(findings(checker(), leaf))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.code()).isEqualTo("REVOCATION_UNCHECKABLE");
                assertThat(f.evidence()).containsEntry("why", "BAD_SIGNATURE");
              });
    }
  }

  @Test
  void aResponseSignedByAnotherCaIsNotBelieved() {
    try (OpenSslOcspResponder responder =
        new OpenSslOcspResponder(dir, CA, OTHER_CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.valid(leaf.certificate());

      assertThat(findings(checker(), leaf))
          .singleElement()
          .satisfies(f -> assertThat(f.evidence()).containsEntry("why", "BAD_SIGNATURE"));
    }
  }

  @Test
  void aNonceIsSentAndItsEchoAccepted() {
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.valid(leaf.certificate());

      List<CertificateRevocation> checked =
          checker(AddressPolicy.defaults(), true, 1 << 20).check(chain(leaf), null);

      assertThat(checked.get(0).answers())
          .extracting(RevocationAnswer::status)
          .containsExactly(RevocationAnswer.Status.GOOD);
    }
  }

  @Test
  void aGoodAnswerIsReusedUntilItsNextUpdate() {
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.valid(leaf.certificate());
      RevocationChecker checker = checker();

      checker.check(chain(leaf), null);
      checker.check(chain(leaf), null);
      checker.check(chain(leaf), null);

      assertThat(responder.requests()).isEqualTo(1);
      assertThat(checker.cachedAnswers()).isEqualTo(1);
    }
  }

  @Test
  void onlyAnswersNotTakenFromTheCacheAreObserved() throws Exception {
    TestCertificate leaf = leaf().crlUrl(crlUrl()).issuedBy(CA);
    crl.set(crl(CA, clock.instant().plus(Duration.ofDays(1)), leaf));
    List<RevocationAnswer> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
    RevocationChecker checker =
        new RevocationChecker(
            new IssuerLookup(
                TrustAnchors.of(List.of(), Map.of()),
                new SignatureChecks(),
                new ParsedCertificates()),
            new PolicyHttp(AddressPolicy.defaults(), Duration.ofSeconds(10)),
            new RevocationCheck(clock, Duration.ofHours(1)),
            clock,
            new RevocationChecker.Settings(
                true, 65_536, 1 << 20, 100, 4, 3, false, Duration.ofSeconds(10)),
            observed::add);

    checker.check(chain(leaf), null);
    checker.check(chain(leaf), null);

    assertThat(observed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.source()).isEqualTo(RevocationAnswer.Source.CRL);
              assertThat(a.status()).isEqualTo(RevocationAnswer.Status.REVOKED);
            });
  }

  @Test
  void anAnswerWithoutNextUpdateIsStillUsedButAskedAgainWithinTheCacheCap() {
    // openssl without -nmin/-ndays gives no nextUpdate: valid for 7 days, cached for max-cache-age
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA)) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      responder.valid(leaf.certificate());

      List<CertificateRevocation> checked = checker().check(chain(leaf), null);

      assertThat(checked.get(0).answers().get(0).nextUpdate()).isNull();
      assertThat(checked.get(0).answers().get(0).status()).isEqualTo(RevocationAnswer.Status.GOOD);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/try-later, TRY_LATER",
    "/unauthorized, UNAUTHORIZED",
    "/internal-error, INTERNAL_ERROR",
    "/garbage, MALFORMED",
    "/failing, HTTP_ERROR"
  })
  void whatAResponderRefusesWithIsTheReason(String path, String why) {
    String url = "http://127.0.0.1:" + crlServer.getAddress().getPort() + path;
    TestCertificate leaf = leaf().ocspUrl(url).issuedBy(CA);

    assertThat(findings(checker(), leaf))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REVOCATION_UNCHECKABLE");
              assertThat(f.evidence()).containsEntry("why", why);
            });
  }

  @Test
  void aResponderThatIsDownMakesTheStatusUncheckable() throws IOException {
    String dead = "http://127.0.0.1:" + closedPort() + "/ocsp";
    TestCertificate leaf = leaf().ocspUrl(dead).issuedBy(CA);

    List<Finding> findings = findings(checker(), leaf);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REVOCATION_UNCHECKABLE");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.evidence())
                  .containsEntry("why", "UNREACHABLE")
                  .containsEntry("source", "ocsp")
                  .containsEntry("responderHost", "127.0.0.1")
                  .containsEntry("attempts", "ocsp@127.0.0.1:UNREACHABLE");
            });
  }

  @Test
  void onceTheBudgetIsSpentNoResponderIsAsked() {
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).crlUrl(crlUrl()).issuedBy(CA);

      List<Finding> findings =
          findings(checker(AddressPolicy.defaults(), false, 1 << 20, Duration.ZERO), leaf);

      assertThat(findings)
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.evidence())
                      .containsEntry("why", "TIMEOUT")
                      .containsEntry("attempts", "ocsp@127.0.0.1:TIMEOUT,crl@127.0.0.1:TIMEOUT"));
      assertThat(responder.requests()).isZero();
      assertThat(crlRequests).hasValue(0);
    }
  }

  @Test
  void theAddressPolicyIsHonouredForResponders() {
    try (OpenSslOcspResponder responder = new OpenSslOcspResponder(dir, CA, CA, "-nmin", "60")) {
      TestCertificate leaf = leaf().ocspUrl(responder.url()).issuedBy(CA);
      AddressPolicy noLoopback =
          new AddressPolicy(List.of(), List.of(Cidr.parse("127.0.0.0/8")), Set.of());

      List<Finding> findings = findings(checker(noLoopback, false, 1 << 20), leaf);

      assertThat(findings)
          .singleElement()
          .satisfies(f -> assertThat(f.evidence()).containsEntry("why", "DENIED_BY_POLICY"));
      assertThat(responder.requests()).isZero();
    }
  }

  @Test
  void aMetadataAddressIsNeverAsked() {
    TestCertificate leaf = leaf().ocspUrl("http://169.254.169.254/latest/meta-data/").issuedBy(CA);

    assertThat(findings(checker(), leaf))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsEntry("why", "DENIED_BY_POLICY"));
  }

  // ---- CRL ----

  @Test
  void aCertificateOnTheCrlIsRevoked() throws Exception {
    TestCertificate leaf = leaf().crlUrl(crlUrl()).issuedBy(CA);
    crl.set(crl(CA, clock.instant().plus(Duration.ofDays(1)), leaf));

    assertThat(findings(checker(), leaf))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REVOKED");
              assertThat(f.evidence())
                  .containsEntry("source", "crl")
                  .containsEntry("reason", "keyCompromise")
                  .containsEntry("responderHost", "127.0.0.1");
            });
  }

  @Test
  void aCertificateNotOnTheCrlHasNoFindingAndTheCrlIsFetchedOnce() throws Exception {
    TestCertificate leaf = leaf().crlUrl(crlUrl()).issuedBy(CA);
    TestCertificate sibling = leaf().crlUrl(crlUrl()).issuedBy(CA);
    crl.set(crl(CA, clock.instant().plus(Duration.ofDays(1)), sibling));
    RevocationChecker checker = checker();

    assertThat(findings(checker, leaf)).isEmpty();
    assertThat(findings(checker, sibling)).extracting(Finding::code).containsExactly("REVOKED");
    assertThat(crlRequests).hasValue(1);
  }

  @Test
  void aCrlPastItsNextUpdateIsStale() throws Exception {
    TestCertificate leaf = leaf().crlUrl(crlUrl()).issuedBy(CA);
    crl.set(crl(CA, clock.instant().minus(Duration.ofMinutes(30))));

    assertThat(findings(checker(), leaf))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsEntry("why", "STALE"));
  }

  @Test
  void aCrlSignedBySomeoneElseIsNotBelieved() throws Exception {
    TestCertificate leaf = leaf().crlUrl(crlUrl()).issuedBy(CA);
    crl.set(crl(OTHER_CA, clock.instant().plus(Duration.ofDays(1)), leaf));

    assertThat(findings(checker(), leaf))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REVOCATION_UNCHECKABLE");
              assertThat(f.evidence()).containsEntry("why", "BAD_SIGNATURE");
            });
  }

  @Test
  void aCrlLargerThanTheCapIsRefused() throws Exception {
    TestCertificate leaf = leaf().crlUrl(crlUrl()).issuedBy(CA);
    crl.set(crl(CA, clock.instant().plus(Duration.ofDays(1)), leaf));

    assertThat(findings(checker(AddressPolicy.defaults(), false, 100), leaf))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsEntry("why", "TOO_LARGE"));
  }

  @Test
  void anLdapDistributionPointIsUncheckable() {
    TestCertificate leaf =
        leaf().crlUrl("ldap://ldap.example.com/cn=CA?certificateRevocationList").issuedBy(CA);

    assertThat(findings(checker(), leaf))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence()).containsEntry("why", "UNSUPPORTED_URL");
              assertThat(f.evidence()).containsEntry("source", "crl");
            });
  }

  @Test
  void theCrlIsAskedWhenTheResponderIsDown() throws Exception {
    String dead = "http://127.0.0.1:" + closedPort() + "/ocsp";
    TestCertificate leaf = leaf().ocspUrl(dead).crlUrl(crlUrl()).issuedBy(CA);
    crl.set(crl(CA, clock.instant().plus(Duration.ofDays(1)), leaf));

    assertThat(findings(checker(), leaf))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REVOKED");
              assertThat(f.evidence()).containsEntry("source", "crl");
            });
  }

  // ---- what is checked ----

  @Test
  void aCertificateNamingNoResponderAndNoCrlIsNotReported() {
    TestCertificate leaf = leaf().issuedBy(CA);

    List<CertificateRevocation> checked = checker().check(chain(leaf), null);

    assertThat(checked).singleElement().satisfies(c -> assertThat(c.answers()).isEmpty());
    assertThat(findings(checker(), leaf)).isEmpty();
  }

  @Test
  void anIntermediateIsCheckedWithTheRootAsIssuer() throws Exception {
    TestCertificate intermediate =
        TestPki.certificate("Revocation Intermediate").ca().crlUrl(crlUrl()).issuedBy(CA);
    TestCertificate leaf = leaf().issuedBy(intermediate);
    crl.set(crl(CA, clock.instant().plus(Duration.ofDays(1)), intermediate));
    List<byte[]> served = List.of(leaf.der(), intermediate.der(), CA.der());
    BouncyCastleCertificateDecoder decoder = new BouncyCastleCertificateDecoder();

    List<Finding> findings =
        checker().findings(served, served.stream().map(decoder::decode).toList(), null);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REVOKED");
              assertThat(f.certificatePosition()).isEqualTo(1);
            });
  }

  @Test
  void aCertificateWhoseIssuerIsMissingCannotBeChecked() {
    TestCertificate leaf = leaf().crlUrl(crlUrl()).issuedBy(CA);
    BouncyCastleCertificateDecoder decoder = new BouncyCastleCertificateDecoder();

    List<Finding> findings =
        checker().findings(List.of(leaf.der()), List.of(decoder.decode(leaf.der())), null);

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsEntry("why", "NO_ISSUER"));
    assertThat(crlRequests).hasValue(0);
  }
}
