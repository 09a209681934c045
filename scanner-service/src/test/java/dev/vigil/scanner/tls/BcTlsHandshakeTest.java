package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.UnreachableReason;
import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.peers.HostilePeers;
import dev.vigil.scanner.peers.LoopbackServer;
import dev.vigil.scanner.peers.OpenSsl;
import dev.vigil.scanner.tls.bctls.BcTlsHandshake;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scanner's default handshake, BouncyCastle's TLS client, on its own (not through the fetcher's
 * fallbacks) against OpenSSL's {@code s_server}: so a pass here is BouncyCastle reading the chain,
 * not the JDK retrying after it.
 */
class BcTlsHandshakeTest {

  private static final TestPki PKI = TestPki.create("BouncyCastle client CA");
  private static final KeyMaterial LOCALHOST = PKI.issueExpiringIn("localhost", 30);

  @TempDir static Path pem;

  @BeforeAll
  static void writeKeys() {
    OpenSsl.writePem(LOCALHOST, pem);
  }

  private static BcTlsHandshake.Served handshake(int port, String serverName) throws ScanFailure {
    TargetSpec target = new TargetSpec("127.0.0.1", port, serverName, Map.of());
    return Scanners.connector()
        .connect(
            InetAddress.getLoopbackAddress(),
            target,
            plain ->
                BcTlsHandshake.handshake(
                    plain, target.effectiveServerName(), BcTlsHandshake.MODERN));
  }

  @ParameterizedTest(name = "s_server {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          default (1.2 and 1.3)  |                             | TLSv1.3
          TLS 1.3 only           | -tls1_3                     | TLSv1.3
          TLS 1.2 only           | -tls1_2                     | TLSv1.2
          X25519 only            | -groups X25519              | TLSv1.3
          P-256 only             | -groups P-256               | TLSv1.3
          P-384 only             | -groups P-384               | TLSv1.3
          P-521 only             | -groups P-521               | TLSv1.3
          X448 only              | -groups X448                | TLSv1.3
          ffdhe2048 only         | -groups ffdhe2048           | TLSv1.3
          TLS 1.2, P-256 only    | -tls1_2 -groups P-256       | TLSv1.2
          TLS 1.3, AES-256 only  | -ciphersuites TLS_AES_256_GCM_SHA384 | TLSv1.3
          TLS 1.2, AES-256 only  | -tls1_2 -cipher ECDHE-ECDSA-AES256-GCM-SHA384 | TLSv1.2
          TLS 1.2, CBC only      | -tls1_2 -cipher ECDHE-ECDSA-AES256-SHA384 | TLSv1.2
          """)
  void readsTheChainInServedOrderInOneConnection(String name, String options, String negotiated)
      throws Exception {
    String[] args = options == null ? new String[0] : options.trim().split(" +");
    try (OpenSsl.Server server = OpenSsl.server(pem, "127.0.0.1", args)) {
      BcTlsHandshake.Served served = handshake(server.port(), "localhost");

      assertThat(served.protocol()).isEqualTo(negotiated);
      assertThat(served.certificates())
          .containsExactly(LOCALHOST.leaf().getEncoded(), PKI.caCertificate().getEncoded());
      assertThat(served.stapledOcsp()).isNull();
    }
  }

  @Test
  void readsAnEcdsaChain(@TempDir Path ecPem) throws Exception {
    TestCertificate ca = TestPki.certificate("EC CA").ca().ec(384).selfSigned();
    TestCertificate leaf = TestPki.certificate("localhost").dns("localhost").ec(256).issuedBy(ca);
    OpenSsl.writePem(leaf.serveWith(ca), ecPem);
    for (String version : List.of("-tls1_3", "-tls1_2")) {
      try (OpenSsl.Server server = OpenSsl.server(ecPem, "127.0.0.1", version)) {
        BcTlsHandshake.Served served = handshake(server.port(), "localhost");

        assertThat(served.certificates()).containsExactly(leaf.der(), ca.der());
      }
    }
  }

  @Test
  void readsAnRsaChainWithEveryKeyExchange(@TempDir Path rsaPem) throws Exception {
    TestCertificate ca = TestPki.certificate("RSA CA").ca().rsa(2048).selfSigned();
    TestCertificate leaf = TestPki.certificate("localhost").dns("localhost").rsa(2048).issuedBy(ca);
    OpenSsl.writePem(leaf.serveWith(ca), rsaPem);
    for (String options :
        List.of(
            "-tls1_3",
            "-tls1_2",
            "-tls1_2 -cipher ECDHE-RSA-AES256-GCM-SHA384",
            "-tls1_2 -cipher DHE-RSA-AES128-GCM-SHA256",
            "-tls1_2 -cipher AES128-GCM-SHA256")) {
      try (OpenSsl.Server server = OpenSsl.server(rsaPem, "127.0.0.1", options.split(" "))) {
        BcTlsHandshake.Served served = handshake(server.port(), "localhost");

        assertThat(served.certificates()).as(options).containsExactly(leaf.der(), ca.der());
      }
    }
  }

  @Test
  void sendsTheServerNameAsSni(@TempDir Path apiPem) throws Exception {
    KeyMaterial api = PKI.issueExpiringIn("api.vigil.test", 10);
    OpenSsl.writePem(api, apiPem);
    try (OpenSsl.Server server =
        OpenSsl.server(
            pem,
            "127.0.0.1",
            "-servername",
            "api.vigil.test",
            "-cert2",
            apiPem.resolve("cert.pem").toString(),
            "-key2",
            apiPem.resolve("key.pem").toString())) {
      assertThat(handshake(server.port(), "api.vigil.test").certificates().get(0))
          .isEqualTo(api.leaf().getEncoded());
      // An IP target sends no SNI, and gets the default certificate.
      assertThat(handshake(server.port(), null).certificates().get(0))
          .isEqualTo(LOCALHOST.leaf().getEncoded());
    }
  }

  @Test
  void aServerDemandingTls10IsRefusedByTheDefaultClientAndReadByTheFallbacks() throws Exception {
    try (OpenSsl.Server server =
        OpenSsl.server(pem, "127.0.0.1", "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")) {
      assertThatThrownBy(() -> handshake(server.port(), "localhost"))
          .isInstanceOfSatisfying(
              ScanFailure.class,
              e -> assertThat(e.reason()).isEqualTo(UnreachableReason.HANDSHAKE_FAILURE));

      FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("localhost", server.port()));
      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.protocol()).isEqualTo("TLSv1");
    }
  }

  @Test
  void theJdkClientIsStillThereAsConfiguredFallback() throws Exception {
    try (OpenSsl.Server server = OpenSsl.server(pem, "127.0.0.1")) {
      FetchedChain chain =
          Scanners.fetcher(HandshakeClient.JDK).fetch(Scanners.target("localhost", server.port()));

      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.protocol()).isEqualTo("TLSv1.3");
      assertThat(chain.certificates())
          .containsExactly(LOCALHOST.leaf().getEncoded(), PKI.caCertificate().getEncoded());
    }
  }

  @Test
  void garbageAndHttpAreNotTlsWithoutAnyFallback() {
    try (LoopbackServer garbage = HostilePeers.endlessGarbage();
        LoopbackServer http = HostilePeers.http()) {
      for (int port : List.of(garbage.port(), http.port())) {
        assertThatThrownBy(() -> handshake(port, null))
            .isInstanceOfSatisfying(
                ScanFailure.class,
                e -> assertThat(e.reason()).isEqualTo(UnreachableReason.NOT_TLS));
      }
    }
  }

  @Test
  void silentAndSlowLorisPeersTimeOut() {
    try (LoopbackServer silent = HostilePeers.silent();
        LoopbackServer loris = HostilePeers.slowLoris(java.time.Duration.ofMillis(300))) {
      for (int port : List.of(silent.port(), loris.port())) {
        assertThatThrownBy(() -> handshake(port, null))
            .isInstanceOfSatisfying(
                ScanFailure.class,
                e -> assertThat(e.reason()).isEqualTo(UnreachableReason.TIMEOUT));
      }
    }
  }

  @Test
  void aGarbageCertificateIsAHandshakeFailure() {
    try (LoopbackServer peer = HostilePeers.garbageCertificate()) {
      assertThatThrownBy(() -> handshake(peer.port(), null))
          .isInstanceOfSatisfying(
              ScanFailure.class,
              e -> assertThat(e.reason()).isEqualTo(UnreachableReason.HANDSHAKE_FAILURE));
    }
  }

  @Test
  void aHugeChainIsReadWhole(@TempDir Path longPem) throws Exception {
    OpenSsl.writePem(dev.vigil.scanner.peers.LongChains.of(50), longPem);
    try (OpenSsl.Server server = OpenSsl.server(longPem, "127.0.0.1")) {
      assertThat(handshake(server.port(), null).certificates()).hasSize(50);
    }
  }
}
