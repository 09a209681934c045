package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

  @Test
  void theJdkSystemRootsAreLoaded() {
    assertThat(TrustAnchors.systemRoots()).hasSizeGreaterThan(50);
  }

  @Test
  void aPemBundleWithSeveralCertificatesIsRead(@TempDir Path dir) throws Exception {
    TestCertificate one = TestPki.certificate("Bundle One").ca().selfSigned();
    TestCertificate two = TestPki.certificate("Bundle Two").ca().selfSigned();
    Path bundle = dir.resolve("bundle.pem");
    Files.writeString(bundle, one.pem() + two.pem());

    TrustAnchors anchors = TrustAnchors.load(false, List.of(bundle));

    assertThat(anchors.size()).isEqualTo(2);
    ParsedCertificate leaf =
        ParsedCertificate.parse(TestPki.certificate("leaf").issuedBy(two).der());
    assertThat(anchors.issuerOf(leaf, new SignatureChecks()))
        .hasValueSatisfying(
            e -> {
              assertThat(e.publicRoot()).isFalse();
              assertThat(e.source()).isEqualTo(bundle.toString());
            });
  }

  @Test
  void aMissingBundleStopsStartup(@TempDir Path dir) {
    assertThatThrownBy(() -> TrustAnchors.load(false, List.of(dir.resolve("nope.pem"))))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("nope.pem");
  }
}
