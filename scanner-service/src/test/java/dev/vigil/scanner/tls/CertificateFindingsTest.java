package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.CertificateSummary;
import dev.vigil.events.Finding;
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestCertificateBuilder;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.ChainAnalysis;
import dev.vigil.scanner.domain.ChainAnalyzer;
import dev.vigil.scanner.domain.ExpiryThresholds;
import dev.vigil.scanner.domain.TargetSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding, end to end through the real decoder, verifier and analyzer: each case builds the
 * certificates it is about and states exactly which findings (code and severity) it must yield.
 */
class CertificateFindingsTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String HOST = "api.example.com";

  // Anchors shared by the cases: one "publicly trusted" root (stands in for a system root), one
  // private root from a configured bundle, one self-signed leaf pinned in that bundle.
  static final TestCertificate PUBLIC_ROOT = ca("Public Root").selfSigned();
  static final TestCertificate PUBLIC_CA = ca("Public Issuing CA").issuedBy(PUBLIC_ROOT);
  static final TestCertificate PRIVATE_ROOT = ca("Private Root").selfSigned();
  static final TestCertificate PINNED =
      leaf("pinned.example.com").dns("pinned.example.com").selfSigned();
  static final TestCertificate ROGUE_ROOT = ca("Rogue Root").selfSigned();

  /** What the fake AIA server holds. */
  static final Map<String, byte[]> AIA = Map.of("http://aia.test/public-ca.der", PUBLIC_CA.der());

  static TestCertificateBuilder ca(String name) {
    return TestPki.certificate(name)
        .ca()
        .validity(NOW.minus(Duration.ofDays(2000)), NOW.plus(Duration.ofDays(2000)));
  }

  /** A leaf valid from 30 days ago for 90 days, without names (each case adds its own). */
  static TestCertificateBuilder leaf(String cn) {
    return TestPki.certificate(cn)
        .validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(60)));
  }

  static TestCertificateBuilder apiLeaf() {
    return leaf(HOST).dns(HOST);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("healthy public chain", HOST, () -> chain(apiLeaf().issuedBy(PUBLIC_CA), PUBLIC_CA)),
        row(
            "healthy public chain with its root served",
            HOST,
            () -> chain(apiLeaf().issuedBy(PUBLIC_CA), PUBLIC_CA, PUBLIC_ROOT)),
        row(
            "healthy private chain",
            HOST,
            () -> chain(apiLeaf().issuedBy(PRIVATE_ROOT), PRIVATE_ROOT)),
        row(
            "expired leaf",
            HOST,
            () ->
                chain(
                    apiLeaf()
                        .validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1)))
                        .issuedBy(PUBLIC_CA),
                    PUBLIC_CA),
            "EXPIRED:CRITICAL@0"),
        row(
            "leaf not yet valid",
            HOST,
            () ->
                chain(
                    apiLeaf()
                        .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(91)))
                        .issuedBy(PUBLIC_CA),
                    PUBLIC_CA),
            "NOT_YET_VALID:CRITICAL@0"),
        row(
            "leaf expiring in 20 days",
            HOST,
            () -> chain(expiringIn(20).issuedBy(PUBLIC_CA), PUBLIC_CA),
            "EXPIRING_SOON:WARNING@0"),
        row(
            "leaf expiring in 10 days",
            HOST,
            () -> chain(expiringIn(10).issuedBy(PUBLIC_CA), PUBLIC_CA),
            "EXPIRING_SOON:CRITICAL@0"),
        row(
            "intermediate expiring in 5 days",
            HOST,
            () -> {
              TestCertificate ca =
                  ca("Short-lived CA")
                      .validity(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(5)))
                      .issuedBy(PUBLIC_ROOT);
              return chain(apiLeaf().issuedBy(ca), ca);
            },
            "EXPIRING_SOON:CRITICAL@1"),
        row(
            "self-signed leaf",
            HOST,
            () -> chain(apiLeaf().selfSigned()),
            "SELF_SIGNED:CRITICAL@0"),
        row(
            "self-signed leaf pinned in a CA bundle",
            "pinned.example.com",
            () -> chain(PINNED),
            "SELF_SIGNED:INFO@0"),
        row(
            "served root nobody trusts",
            HOST,
            () -> chain(apiLeaf().issuedBy(ROGUE_ROOT), ROGUE_ROOT),
            "UNTRUSTED_ROOT:CRITICAL@1"),
        row(
            "intermediate missing, no AIA URL",
            HOST,
            () -> chain(apiLeaf().issuedBy(PUBLIC_CA)),
            "INCOMPLETE_CHAIN:CRITICAL@0"),
        row(
            "intermediate missing, AIA completes the chain",
            HOST,
            () ->
                chain(apiLeaf().caIssuersUrl("http://aia.test/public-ca.der").issuedBy(PUBLIC_CA)),
            "INCOMPLETE_CHAIN:CRITICAL@0"),
        row(
            "root served before the intermediate",
            HOST,
            () -> chain(apiLeaf().issuedBy(PUBLIC_CA), PUBLIC_ROOT, PUBLIC_CA),
            "WRONG_CHAIN_ORDER:WARNING@0"),
        row(
            "leaf for another name",
            HOST,
            () ->
                chain(
                    leaf("www.example.com").dns("www.example.com").issuedBy(PUBLIC_CA), PUBLIC_CA),
            "HOSTNAME_MISMATCH:CRITICAL@0"),
        row(
            "wildcard leaf",
            HOST,
            () -> chain(leaf("*.example.com").dns("*.example.com").issuedBy(PUBLIC_CA), PUBLIC_CA)),
        row(
            "wildcard leaf one level too high",
            "a.api.example.com",
            () -> chain(leaf("*.example.com").dns("*.example.com").issuedBy(PUBLIC_CA), PUBLIC_CA),
            "HOSTNAME_MISMATCH:CRITICAL@0"),
        row(
            "legacy leaf with the name only in its CN",
            HOST,
            () -> chain(leaf(HOST).issuedBy(PUBLIC_CA), PUBLIC_CA)),
        row(
            "CN is ignored when DNS SANs exist",
            HOST,
            () -> chain(leaf(HOST).dns("www.example.com").issuedBy(PUBLIC_CA), PUBLIC_CA),
            "HOSTNAME_MISMATCH:CRITICAL@0"),
        row(
            "IP target with an IP SAN",
            "127.0.0.1",
            () -> chain(leaf("loopback").ip("127.0.0.1").issuedBy(PUBLIC_CA), PUBLIC_CA)),
        row(
            "IP target with only a DNS SAN",
            "127.0.0.1",
            () -> chain(leaf("localhost").dns("localhost").issuedBy(PUBLIC_CA), PUBLIC_CA),
            "HOSTNAME_MISMATCH:CRITICAL@0"),
        row(
            "RSA-1024 leaf",
            HOST,
            () -> chain(apiLeaf().rsa(1024).issuedBy(PUBLIC_CA), PUBLIC_CA),
            "WEAK_KEY:WARNING@0"),
        row("RSA-2048 leaf", HOST, () -> chain(apiLeaf().rsa(2048).issuedBy(PUBLIC_CA), PUBLIC_CA)),
        row(
            "EC P-224 leaf",
            HOST,
            () -> chain(apiLeaf().ec(224).issuedBy(PUBLIC_CA), PUBLIC_CA),
            "WEAK_KEY:WARNING@0"),
        row("EC P-384 leaf", HOST, () -> chain(apiLeaf().ec(384).issuedBy(PUBLIC_CA), PUBLIC_CA)),
        row(
            "DSA leaf",
            HOST,
            () -> chain(apiLeaf().dsa(2048).issuedBy(PUBLIC_CA), PUBLIC_CA),
            "WEAK_KEY:WARNING@0"),
        row(
            "SHA-1 signed leaf",
            HOST,
            () -> {
              TestCertificate rsaCa = ca("RSA Issuing CA").rsa(2048).issuedBy(PUBLIC_ROOT);
              return chain(apiLeaf().signatureAlgorithm("SHA1withRSA").issuedBy(rsaCa), rsaCa);
            },
            "WEAK_SIGNATURE:WARNING@0"),
        row(
            "MD5 signed intermediate",
            HOST,
            () -> {
              TestCertificate rsaRoot = ca("RSA Root").rsa(2048).selfSigned();
              TestCertificate md5Ca =
                  ca("MD5 CA").signatureAlgorithm("MD5withRSA").issuedBy(rsaRoot);
              return chain(apiLeaf().issuedBy(md5Ca), md5Ca, rsaRoot);
            },
            "WEAK_SIGNATURE:WARNING@1",
            "UNTRUSTED_ROOT:CRITICAL@2"),
        row(
            "SHA-1 self-signature of a served root does not matter",
            HOST,
            () -> {
              TestCertificate sha1Root =
                  ca("Old Private Root").rsa(2048).signatureAlgorithm("SHA1withRSA").selfSigned();
              return chain(apiLeaf().issuedBy(sha1Root), sha1Root);
            },
            "UNTRUSTED_ROOT:CRITICAL@1"),
        row(
            "publicly trusted leaf valid for 825 days",
            HOST,
            () ->
                chain(
                    apiLeaf()
                        .validity(NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(725)))
                        .issuedBy(PUBLIC_CA),
                    PUBLIC_CA),
            "LONG_VALIDITY:WARNING@0"),
        row(
            "privately trusted leaf valid for 825 days",
            HOST,
            () ->
                chain(
                    apiLeaf()
                        .validity(NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(725)))
                        .issuedBy(PRIVATE_ROOT),
                    PRIVATE_ROOT)),
        row(
            "several findings at once",
            "www.example.com",
            () ->
                chain(
                    apiLeaf()
                        .rsa(1024)
                        .validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1)))
                        .issuedBy(ROGUE_ROOT)),
            "EXPIRED:CRITICAL@0",
            "HOSTNAME_MISMATCH:CRITICAL@0",
            "INCOMPLETE_CHAIN:CRITICAL@0",
            "WEAK_KEY:WARNING@0"));
  }

  static TestCertificateBuilder expiringIn(long days) {
    return apiLeaf()
        .validity(
            NOW.minus(Duration.ofDays(60)),
            NOW.plus(Duration.ofDays(days)).plus(Duration.ofHours(1)));
  }

  static List<byte[]> chain(TestCertificate... served) {
    return Arrays.stream(served).map(TestCertificate::der).toList();
  }

  static Arguments row(
      String name, String host, Supplier<List<byte[]>> served, String... expected) {
    return Arguments.of(Named.of(name, served), host, List.of(expected));
  }

  static ChainInspector inspector() {
    TrustAnchors anchors =
        TrustAnchors.of(
            List.of(PUBLIC_ROOT.certificate()),
            Map.of("private-ca.pem", List.of(PRIVATE_ROOT.certificate(), PINNED.certificate())));
    IssuerFetcher aia =
        url ->
            AIA.containsKey(url)
                ? IssuerFetcher.Result.ok(List.of(AIA.get(url)))
                : IssuerFetcher.Result.failed("HTTP 404");
    SignatureChecks signatures = new SignatureChecks();
    ParsedCertificates parsed = new ParsedCertificates();
    return new ChainInspector(
        new BouncyCastleCertificateDecoder(signatures, parsed),
        new ChainVerifier(anchors, aia, true, signatures, parsed),
        new ChainAnalyzer(Clock.fixed(NOW, ZoneOffset.UTC), ExpiryThresholds.DEFAULT));
  }

  static ChainAnalysis inspect(String host, List<byte[]> served) {
    return inspector().inspect(new TargetSpec(host, 443, null, Map.of()), served);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseYieldsExactlyItsFindings(
      Supplier<List<byte[]>> served, String host, List<String> expected) {
    ChainAnalysis analysis = inspect(host, served.get());

    assertThat(analysis.findings().stream().map(CertificateFindingsTest::describe))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static String describe(Finding f) {
    return f.code() + ":" + f.severity() + "@" + f.certificatePosition();
  }

  @Test
  void aCertificateThatFailsValidationStillReportsWhatItIs() throws Exception {
    TestCertificate bad =
        apiLeaf()
            .rsa(1024)
            .validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(3)))
            .issuedBy(ROGUE_ROOT);

    ChainAnalysis analysis = inspect("other.example.com", chain(bad, ROGUE_ROOT));

    CertificateSummary leaf = analysis.chain().get(0);
    assertThat(leaf.notAfter()).isEqualTo(NOW.minus(Duration.ofDays(3)));
    assertThat(leaf.daysLeft()).isEqualTo(-3);
    assertThat(leaf.issuer()).contains("CN=Rogue Root");
    assertThat(leaf.serialNumber()).isEqualTo(bad.certificate().getSerialNumber().toString(16));
    assertThat(leaf.publicKeyAlgorithm()).isEqualTo("RSA");
    assertThat(leaf.publicKeyBits()).isEqualTo(1024);
    assertThat(leaf.sha256Fingerprint()).hasSize(64);
    assertThat(leaf.spkiSha256()).hasSize(64);
    assertThat(analysis.findings().stream().map(Finding::code))
        .contains("EXPIRED", "HOSTNAME_MISMATCH", "UNTRUSTED_ROOT", "WEAK_KEY");
  }

  @Test
  void incompleteChainEvidenceTellsWhetherAiaCompletesIt() {
    Map<String, String> completes =
        evidence(
            inspect(
                HOST,
                chain(apiLeaf().caIssuersUrl("http://aia.test/public-ca.der").issuedBy(PUBLIC_CA))),
            "INCOMPLETE_CHAIN");
    assertThat(completes)
        .containsEntry("aiaCompletesChain", "true")
        .containsEntry("aiaOutcome", "COMPLETED")
        .containsEntry("aiaUrls", "http://aia.test/public-ca.der");
    assertThat(completes.get("missingIssuer")).contains("CN=Public Issuing CA");

    Map<String, String> broken =
        evidence(
            inspect(
                HOST,
                chain(apiLeaf().caIssuersUrl("http://aia.test/gone.der").issuedBy(PUBLIC_CA))),
            "INCOMPLETE_CHAIN");
    assertThat(broken)
        .containsEntry("aiaCompletesChain", "false")
        .containsEntry("aiaOutcome", "NOT_COMPLETED")
        .containsEntry("aiaDetail", "http://aia.test/gone.der: HTTP 404");
  }

  @Test
  void findingsCarryTheirEvidence() {
    Map<String, String> mismatch =
        evidence(
            inspect(
                HOST,
                chain(
                    leaf("www.example.com").dns("www.example.com").issuedBy(PUBLIC_CA), PUBLIC_CA)),
            "HOSTNAME_MISMATCH");
    assertThat(mismatch)
        .containsEntry("expectedName", HOST)
        .containsEntry("subjectAltNames", "DNS:www.example.com");

    Map<String, String> weak =
        evidence(
            inspect(HOST, chain(apiLeaf().rsa(1024).issuedBy(PUBLIC_CA), PUBLIC_CA)), "WEAK_KEY");
    assertThat(weak)
        .containsEntry("publicKeyAlgorithm", "RSA")
        .containsEntry("publicKeyBits", "1024");

    Map<String, String> order =
        evidence(
            inspect(HOST, chain(apiLeaf().issuedBy(PUBLIC_CA), PUBLIC_ROOT, PUBLIC_CA)),
            "WRONG_CHAIN_ORDER");
    assertThat(order)
        .containsEntry("expectedIssuerPosition", "1")
        .containsEntry("actualIssuerPosition", "2");

    Map<String, String> validity =
        evidence(
            inspect(
                HOST,
                chain(
                    apiLeaf()
                        .validity(NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(725)))
                        .issuedBy(PUBLIC_CA),
                    PUBLIC_CA)),
            "LONG_VALIDITY");
    assertThat(validity)
        .containsEntry("validityDays", "825")
        .containsEntry("maxValidityDays", "398");
  }

  private static Map<String, String> evidence(ChainAnalysis analysis, String code) {
    return analysis.findings().stream()
        .filter(f -> f.code().equals(code))
        .findFirst()
        .map(Finding::evidence)
        .map(LinkedHashMap::new)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no "
                        + code
                        + " in "
                        + analysis.findings().stream()
                            .map(Finding::code)
                            .collect(Collectors.joining(","))));
  }
}
