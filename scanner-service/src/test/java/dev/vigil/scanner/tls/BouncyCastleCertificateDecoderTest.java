package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.CertificateFacts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

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
}
