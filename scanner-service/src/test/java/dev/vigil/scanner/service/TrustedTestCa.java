package dev.vigil.scanner.service;

import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;

/**
 * The test CA the scanner trusts in @QuarkusTests, through its real configuration ({@code
 * vigil.scanner.trust.ca-bundles}): without it every test endpoint would be an UNTRUSTED_ROOT.
 *
 * <p>Test resources and test classes may live in different class loaders, so the CA is shared
 * through files named by a system property, not a static field: whoever comes first creates it. As
 * a test resource it is global (not restricted to the annotated class), like {@code
 * VigilTestInfrastructure}, so all @QuarkusTests share one application.
 */
public class TrustedTestCa implements QuarkusTestResourceLifecycleManager {

  private static final String DIR_PROPERTY = "vigil.test.trusted-ca-dir";
  private static TestPki pki;

  /** The trusted CA; issue test endpoint certificates from it. */
  public static synchronized TestPki pki() {
    if (pki == null) {
      String dir = System.getProperty(DIR_PROPERTY);
      pki = dir == null ? create() : load(Path.of(dir));
    }
    return pki;
  }

  @Override
  public Map<String, String> start() {
    pki();
    Path bundle = Path.of(System.getProperty(DIR_PROPERTY), "ca.pem");
    return Map.of("vigil.scanner.trust.ca-bundles", bundle.toString());
  }

  @Override
  public void stop() {
    // the files stay for the JVM's lifetime: a later class loader may still need them
  }

  private static TestPki create() {
    TestPki created = TestPki.create("Scanner test CA");
    try {
      Path dir = Files.createTempDirectory("vigil-test-ca");
      dir.toFile().deleteOnExit();
      TestCertificate ca = created.asIssuer();
      Files.writeString(dir.resolve("ca.pem"), ca.pem());
      Files.write(dir.resolve("ca.key"), ca.keys().getPrivate().getEncoded());
      dir.resolve("ca.pem").toFile().deleteOnExit();
      dir.resolve("ca.key").toFile().deleteOnExit();
      System.setProperty(DIR_PROPERTY, dir.toString());
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestPki load(Path dir) {
    try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
      X509Certificate cert =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      PrivateKey key =
          KeyFactory.getInstance(cert.getPublicKey().getAlgorithm())
              .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("ca.key"))));
      return TestPki.of(new TestCertificate(new KeyPair(cert.getPublicKey(), key), cert));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
