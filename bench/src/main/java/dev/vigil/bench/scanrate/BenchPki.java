package dev.vigil.bench.scanrate;

import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The chain every client of the benchmark is served: RSA-4096 root, RSA-2048 intermediate, RSA-2048
 * leaf for {@code api.bench.example}, the shape of a common public chain (root served too). Written
 * as PEM files for nginx, blackbox_exporter and the scanner's trust bundle.
 */
record BenchPki(Path chainPem, Path keyPem, Path rootPem, X509Certificate root) {

  static final String SERVER_NAME = "api.bench.example";

  static BenchPki create(Path dir) throws IOException {
    Instant now = Instant.now();
    TestCertificate root =
        TestPki.certificate("Bench Root")
            .ca()
            .rsa(4096)
            .validity(now.minus(Duration.ofDays(3000)), now.plus(Duration.ofDays(3000)))
            .selfSigned();
    TestCertificate intermediate =
        TestPki.certificate("Bench Intermediate")
            .ca()
            .rsa(2048)
            .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(800)))
            .issuedBy(root);
    TestCertificate leaf =
        TestPki.certificate(SERVER_NAME)
            .rsa(2048)
            .dns(SERVER_NAME)
            .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(80)))
            .issuedBy(intermediate);
    Path chain = dir.resolve("chain.pem");
    Files.writeString(chain, leaf.pem() + intermediate.pem() + root.pem());
    Path key = dir.resolve("leaf.key");
    Files.writeString(key, pem("PRIVATE KEY", leaf.keys().getPrivate().getEncoded()));
    Path rootPem = dir.resolve("root.pem");
    Files.writeString(rootPem, root.pem());
    return new BenchPki(chain, key, rootPem, root.certificate());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
