package dev.vigil.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.source.SourceChains.Chain;
import dev.vigil.scanner.tls.BouncyCastleCertificateDecoder;
import dev.vigil.scanner.tls.store.JdkCertificateStoreReader;
import dev.vigil.scanner.tls.store.StoreFormat;
import dev.vigil.scanner.tls.store.UnreadableStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SourceChainsTest {

  private static final TestPki PKI = TestPki.create("Source chains test CA");
  private static final TestPki OTHER = TestPki.create("Other source chains test CA");

  private final SourceChains chains =
      new SourceChains(new JdkCertificateStoreReader(), new BouncyCastleCertificateDecoder());

  private static List<String> subjects(Chain chain) {
    return chain.certificates().stream().map(CertificateFacts::subject).toList();
  }

  @Test
  void pemBundleBecomesOneChainPerIssuerLineage() throws Exception {
    KeyMaterial leaf = PKI.issueExpiringIn("bundle.chains.test", 30);

    List<Chain> found =
        chains.read(
            StoreFormat.CERTIFICATES,
            CertificateFiles.pem(List.of(leaf.leaf(), PKI.caCertificate(), OTHER.caCertificate())),
            null);

    assertThat(found).extracting(Chain::entry).containsExactly(null, "chain-2");
    assertThat(subjects(found.get(0)))
        .containsExactly(
            "CN=bundle.chains.test,O=Vigil test PKI", "CN=Source chains test CA,O=Vigil test PKI");
    assertThat(subjects(found.get(1)))
        .containsExactly("CN=Other source chains test CA,O=Vigil test PKI");
    // Each chain keeps its certificates' DER, in order, for the revocation check.
    assertThat(found).allSatisfy(SourceChainsTest::encodedMatchesDecoded);
  }

  private static void encodedMatchesDecoded(Chain chain) {
    assertThat(chain.encoded().stream().map(SourceChainsTest::sha256).toList())
        .isEqualTo(chain.certificates().stream().map(CertificateFacts::sha256Fingerprint).toList());
  }

  private static String sha256(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void keystoreAliasIsTheEntry() throws Exception {
    Map<String, KeyMaterial> entries = new TreeMap<>();
    entries.put("web", PKI.issueExpiringIn("web.chains.test", 30));
    entries.put("api", PKI.issueExpiringIn("api.chains.test", 30));

    List<Chain> found =
        chains.read(
            StoreFormat.PKCS12,
            CertificateFiles.keystore("PKCS12", "pw", entries),
            "pw".toCharArray());

    assertThat(found).extracting(Chain::entry).containsExactly("api", "web");
    assertThat(found).allSatisfy(c -> assertThat(c.certificates()).hasSize(2));
    assertThat(found).allSatisfy(SourceChainsTest::encodedMatchesDecoded);
  }

  @Test
  void derThatIsNotACertificateIsUnreadable() {
    assertThatThrownBy(
            () -> chains.read(StoreFormat.CERTIFICATES, new byte[] {0x30, 0x03, 0x02, 0x01}, null))
        .isInstanceOf(UnreadableStoreException.class)
        .hasMessageStartingWith("certificate 1 is unreadable");
  }
}
