package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestCertificateBuilder;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.CertificateFacts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BouncyCastleCertificateDecoderTest {

  private static final TestPki PKI = TestPki.create("Decoder test CA");
  private final CertificateDecoder decoder = new BouncyCastleCertificateDecoder();

  @Test
  void leafFactsAreRead() throws Exception {
    Instant notBefore = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = notBefore.plus(30, ChronoUnit.DAYS);
    KeyMaterial material = PKI.issue("api.example.test", notBefore, notAfter);

    CertificateFacts facts = decoder.decode(material.leaf().getEncoded());

    assertThat(facts.subject()).contains("CN=api.example.test");
    assertThat(facts.issuer()).contains("CN=Decoder test CA");
    assertThat(facts.notBefore()).isEqualTo(notBefore);
    assertThat(facts.notAfter()).isEqualTo(notAfter);
    assertThat(facts.serialNumber()).isEqualTo(material.leaf().getSerialNumber().toString(16));
    assertThat(facts.sha256Fingerprint()).hasSize(64).matches("[0-9a-f]+");
    assertThat(facts.spkiSha256()).hasSize(64);
    assertThat(facts.publicKeyAlgorithm()).isEqualTo("EC");
    assertThat(facts.publicKeyBits()).isEqualTo(256);
    assertThat(facts.signatureAlgorithm()).isEqualTo("SHA256WITHECDSA");
    assertThat(facts.subjectAltNames())
        .containsExactlyInAnyOrder("DNS:api.example.test", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1");
    assertThat(facts.selfSigned()).isFalse();
    assertThat(facts.certificateAuthority()).isFalse();
  }

  @Test
  void selfSignedRootIsRecognised() throws Exception {
    CertificateFacts ca = decoder.decode(PKI.caCertificate().getEncoded());
    assertThat(ca.selfSigned()).isTrue();
    assertThat(ca.certificateAuthority()).isTrue();
  }

  @Test
  void sameKeyInTwoCertificatesHasTheSameSpkiHash() throws Exception {
    KeyMaterial a = PKI.issueExpiringIn("a.test", 10);
    CertificateFacts first = decoder.decode(a.leaf().getEncoded());
    CertificateFacts other = decoder.decode(PKI.issueExpiringIn("a.test", 10).leaf().getEncoded());
    assertThat(first.spkiSha256()).isNotEqualTo(other.spkiSha256());
    assertThat(first.sha256Fingerprint()).isNotEqualTo(other.sha256Fingerprint());
  }

  @Test
  void garbageBytesAreADecodingErrorNotACrash() {
    assertThatThrownBy(() -> decoder.decode(new byte[] {0x30, 0x03, 0x02, 0x01}))
        .isInstanceOf(CertificateDecoder.CertificateDecodingException.class);
    assertThatThrownBy(() -> decoder.decode(new byte[0]))
        .isInstanceOf(CertificateDecoder.CertificateDecodingException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # key,       algorithm, bits
          RSA-1024,    RSA,       1024
          RSA-2048,    RSA,       2048
          EC P-224,    EC,        224
          EC P-384,    EC,        384
          DSA-2048,    DSA,       2048
          """)
  void keyTypeAndSizeAreRead(String name, String algorithm, int bits) {
    TestCertificateBuilder builder = TestPki.certificate("key-" + bits + ".test");
    switch (algorithm) {
      case "RSA" -> builder.rsa(bits);
      case "EC" -> builder.ec(bits);
      default -> builder.dsa(bits);
    }
    CertificateFacts facts = decoder.decode(builder.issuedBy(PKI.asIssuer()).der());
    assertThat(facts.publicKeyAlgorithm()).isEqualTo(algorithm);
    assertThat(facts.publicKeyBits()).isEqualTo(bits);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"SHA1withRSA, SHA1WITHRSA", "MD5withRSA, MD5WITHRSA", "SHA256withRSA, SHA256WITHRSA"})
  void signatureAlgorithmIsNamed(String algorithm, String named) {
    TestCertificate rsaCa = TestPki.certificate("RSA decoder CA").ca().rsa(2048).selfSigned();
    TestCertificate leaf =
        TestPki.certificate("sig.test").signatureAlgorithm(algorithm).issuedBy(rsaCa);
    assertThat(decoder.decode(leaf.der()).signatureAlgorithm()).isEqualTo(named);
  }

  @Test
  void commonNameAndAiaUrlsAreRead() {
    TestCertificate leaf =
        TestPki.certificate("cn.example.test")
            .caIssuersUrl("http://ca.example.test/issuer.der")
            .ocspUrl("http://ocsp.example.test")
            .caIssuersUrl("http://backup.example.test/issuer.p7c")
            .issuedBy(PKI.asIssuer());
    CertificateFacts facts = decoder.decode(leaf.der());
    assertThat(facts.commonName()).isEqualTo("cn.example.test");
    assertThat(facts.subjectAltNames()).isEmpty();
    assertThat(facts.caIssuersUrls())
        .containsExactly(
            "http://ca.example.test/issuer.der", "http://backup.example.test/issuer.p7c");
  }

  @Test
  void aSubjectWithoutCommonNameHasNone() {
    TestCertificate leaf =
        TestPki.certificate("x").subject("O=No CN").dns("x.test").issuedBy(PKI.asIssuer());
    assertThat(decoder.decode(leaf.der()).commonName()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "UTCTime in the 20th century, 1999-12-31T23:59:59Z",
    "UTCTime year 2049,           2049-12-31T23:59:59Z",
    "GeneralizedTime from 2050,   2050-01-01T00:00:00Z",
    "GeneralizedTime far future,  9999-12-31T23:59:59Z"
  })
  void validityDatesOfBothAsn1TimeTypesAreRead(String name, String until) {
    Instant notAfter = Instant.parse(until);
    Instant notBefore = Instant.parse("1990-01-01T00:00:00Z");
    TestCertificate cert =
        TestPki.certificate("time.test").validity(notBefore, notAfter).issuedBy(PKI.asIssuer());
    CertificateFacts facts = decoder.decode(cert.der());
    assertThat(facts.notBefore()).isEqualTo(notBefore);
    assertThat(facts.notAfter()).isEqualTo(notAfter);
  }
}
