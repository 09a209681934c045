package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.ChainVerification;
import dev.vigil.scanner.domain.ChainVerification.AiaOutcome;
import dev.vigil.scanner.domain.ChainVerification.Trust;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  static final TestCertificate ROOT = TestPki.certificate("Verifier Root").ca().selfSigned();
  static final TestCertificate CA = TestPki.certificate("Verifier CA").ca().issuedBy(ROOT);
  static final TestCertificate LEAF =
      TestPki.certificate("leaf.test")
          .dns("leaf.test")
          .caIssuersUrl("http://aia.test/ca.der")
          .issuedBy(CA);
  static final TestCertificate BUNDLE_ROOT = TestPki.certificate("Bundle Root").ca().selfSigned();

  private final List<String> fetched = new ArrayList<>();

  private ChainVerifier verifier(boolean fetchAia, Map<String, byte[]> aia) {
    IssuerFetcher fetcher =
        url -> {
          fetched.add(url);
          return aia.containsKey(url)
              ? IssuerFetcher.Result.ok(List.of(aia.get(url)))
              : IssuerFetcher.Result.failed("HTTP 404");
        };
    TrustAnchors anchors =
        TrustAnchors.of(
            List.of(ROOT.certificate()), Map.of("bundle.pem", List.of(BUNDLE_ROOT.certificate())));
    return new ChainVerifier(anchors, fetcher, fetchAia, new SignatureChecks());
  }

  private static List<byte[]> served(TestCertificate... certs) {
    return Arrays.stream(certs).map(TestCertificate::der).toList();
  }

  @Test
  void completeChainReachesTheSystemRoot() {
    ChainVerification v = verifier(true, Map.of()).verify(served(LEAF, CA));

    assertThat(v.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(v.issuerPositions()).containsExactly(1, -1);
    assertThat(v.path()).containsExactly(0, 1);
    assertThat(v.anchor().publicRoot()).isTrue();
    assertThat(v.anchor().source()).isEqualTo("system");
    assertThat(v.anchor().servedPosition()).isEqualTo(-1);
    assertThat(v.aia()).isEqualTo(AiaOutcome.NOT_NEEDED);
    assertThat(fetched).isEmpty();
  }

  @Test
  void aServedRootIsRecognisedAsTheAnchor() {
    ChainVerification v = verifier(true, Map.of()).verify(served(LEAF, CA, ROOT));

    assertThat(v.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(v.issuerPositions()).containsExactly(1, 2, 2);
    assertThat(v.anchor().servedPosition()).isEqualTo(2);
  }

  @Test
  void aCrossSignedCopyOfARootIsThatRoot() {
    TestCertificate oldRoot = TestPki.certificate("Old Root").ca().selfSigned();
    // Same name and key as ROOT, issued by an old root: what Let's Encrypt served for years.
    TestCertificate crossSigned =
        TestPki.certificate("Verifier Root").ca().keys(ROOT.keys()).issuedBy(oldRoot);

    ChainVerification v = verifier(true, Map.of()).verify(served(LEAF, CA, crossSigned));

    assertThat(v.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(v.anchor().subject()).contains("CN=Verifier Root");
  }

  @Test
  void aPrivateBundleAnchorIsNotPublic() {
    TestCertificate leaf = TestPki.certificate("internal.test").issuedBy(BUNDLE_ROOT);
    ChainVerification v = verifier(true, Map.of()).verify(served(leaf));

    assertThat(v.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(v.anchor().publicRoot()).isFalse();
    assertThat(v.anchor().source()).isEqualTo("bundle.pem");
  }

  @Test
  void aSelfSignedRootNobodyTrustsIsAnUntrustedRoot() {
    TestCertificate rogue = TestPki.certificate("Rogue").ca().selfSigned();
    TestCertificate leaf = TestPki.certificate("x.test").issuedBy(rogue);

    ChainVerification v = verifier(true, Map.of()).verify(served(leaf, rogue));

    assertThat(v.trust()).isEqualTo(Trust.UNTRUSTED_ROOT);
    assertThat(v.path()).containsExactly(0, 1);
    assertThat(v.anchor()).isNull();
  }

  @Test
  void servedOutOfOrderTheIssuersAreStillFound() {
    ChainVerification v = verifier(true, Map.of()).verify(served(LEAF, ROOT, CA));

    assertThat(v.issuerPositions()).containsExactly(2, 1, 1);
    assertThat(v.trust()).isEqualTo(Trust.TRUSTED);
  }

  @Test
  void aMissingIntermediateIsFetchedFromAia() {
    ChainVerification v =
        verifier(true, Map.of("http://aia.test/ca.der", CA.der())).verify(served(LEAF));

    assertThat(v.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(v.aia()).isEqualTo(AiaOutcome.COMPLETED);
    assertThat(v.missingIssuer()).contains("CN=Verifier CA");
    assertThat(v.aiaUrls()).containsExactly("http://aia.test/ca.der");
    assertThat(fetched).containsExactly("http://aia.test/ca.der");
  }

  @Test
  void anAiaCertificateThatDidNotIssueTheLeafDoesNotComplete() {
    ChainVerification v =
        verifier(true, Map.of("http://aia.test/ca.der", BUNDLE_ROOT.der())).verify(served(LEAF));

    assertThat(v.trust()).isEqualTo(Trust.INCOMPLETE_CHAIN);
    assertThat(v.aia()).isEqualTo(AiaOutcome.NOT_COMPLETED);
    assertThat(v.aiaDetail()).contains("did not issue");
  }

  @Test
  void withAiaFetchingOffNothingIsFetched() {
    ChainVerification v =
        verifier(false, Map.of("http://aia.test/ca.der", CA.der())).verify(served(LEAF));

    assertThat(v.trust()).isEqualTo(Trust.INCOMPLETE_CHAIN);
    assertThat(v.aia()).isEqualTo(AiaOutcome.DISABLED);
    assertThat(fetched).isEmpty();
  }

  @Test
  void aCertificateWithoutAiaUrlCannotBeCompleted() {
    TestCertificate leaf = TestPki.certificate("no-aia.test").issuedBy(CA);
    ChainVerification v = verifier(true, Map.of()).verify(served(leaf));

    assertThat(v.trust()).isEqualTo(Trust.INCOMPLETE_CHAIN);
    assertThat(v.aia()).isEqualTo(AiaOutcome.NO_URL);
  }

  @Test
  void aForgedIssuerWithTheRightNameButAnotherKeyIsNotTheIssuer() {
    TestCertificate impostor = TestPki.certificate("Verifier CA").ca().selfSigned();

    ChainVerification v = verifier(false, Map.of()).verify(served(LEAF, impostor));

    assertThat(v.issuerPositions().get(0)).isEqualTo(-1);
    assertThat(v.trust()).isEqualTo(Trust.INCOMPLETE_CHAIN);
  }
}
