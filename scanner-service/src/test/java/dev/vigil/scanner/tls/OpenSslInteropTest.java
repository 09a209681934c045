package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.ProtocolFindings;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.peers.OpenSsl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vigil against OpenSSL's {@code s_server}: a TLS stack Vigil did not write. */
class OpenSslInteropTest {

  private static final TestPki PKI = TestPki.create("OpenSSL interop CA");
  private static final KeyMaterial LOCALHOST = PKI.issueExpiringIn("localhost", 30);

  @TempDir static Path pem;

  @BeforeAll
  static void writeKeys() {
    OpenSsl.writePem(LOCALHOST, pem);
  }

  @Test
  void chainServedByOpenSslIsReadInServedOrder() throws Exception {
    try (OpenSsl.Server server = OpenSsl.server(pem, "127.0.0.1")) {
      FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("localhost", server.port()));

      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.address()).isEqualTo("127.0.0.1");
      assertThat(chain.protocol()).isEqualTo("TLSv1.3");
      assertThat(chain.certificates())
          .containsExactly(LOCALHOST.leaf().getEncoded(), PKI.caCertificate().getEncoded());
    }
  }

  @Test
  void openSslOnIpv6LoopbackIsScannedByAddress() throws Exception {
    try (OpenSsl.Server server = OpenSsl.server(pem, "[::1]")) {
      FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("::1", server.port()));

      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.address()).isEqualTo("0:0:0:0:0:0:0:1");
      assertThat(chain.certificates().get(0)).isEqualTo(LOCALHOST.leaf().getEncoded());
    }
  }

  @Test
  void serverNameIsSentAsSniWhileTheAddressIsDialled(@TempDir Path apiPem) throws Exception {
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
      TargetSpec byName = new TargetSpec("127.0.0.1", server.port(), "api.vigil.test", Map.of());
      TargetSpec byAddress = new TargetSpec("127.0.0.1", server.port(), null, Map.of());

      FetchedChain named = Scanners.fetcher().fetch(byName);
      FetchedChain unnamed = Scanners.fetcher().fetch(byAddress);

      assertThat(named.certificates().get(0)).isEqualTo(api.leaf().getEncoded());
      assertThat(named.address()).isEqualTo("127.0.0.1");
      assertThat(unnamed.certificates().get(0)).isEqualTo(LOCALHOST.leaf().getEncoded());
    }
  }

  @ParameterizedTest(name = "s_server {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          TLS 1.3, P-256 only       | -groups P-256           | TLSv1.3
          TLS 1.3, P-384 only       | -groups P-384           | TLSv1.3
          TLS 1.2, P-256 only       | -tls1_2 -groups P-256   | TLSv1.2
          TLS 1.3, ffdhe2048 only   | -groups ffdhe2048       | TLSv1.3
          """)
  void serverWithoutX25519IsReadWithTheJdksFullGroupList(
      String name, String options, String negotiated) throws Exception {
    // The first handshake offers X25519/X448 only (cheaper); these servers refuse it.
    try (OpenSsl.Server server = OpenSsl.server(pem, "127.0.0.1", options.trim().split(" +"))) {
      FetchedChain chain =
          Scanners.fetcher().fetch(new TargetSpec("localhost", server.port(), null, Map.of()));

      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.protocol()).isEqualTo(negotiated);
      assertThat(chain.certificates().get(0)).isEqualTo(LOCALHOST.leaf().getEncoded());
    }
  }

  @ParameterizedTest(name = "s_server {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          default (1.2 and 1.3) |                                   | TLSv1.3 | TLSv1.2,TLSv1.3 | false
          TLS 1.2 only          | -tls1_2                           | TLSv1.2 | TLSv1.2         | false
          TLS 1.3 only          | -tls1_3                           | TLSv1.3 | TLSv1.3         | false
          TLS 1.1 only          | -tls1_1 -cipher DEFAULT@SECLEVEL=0 | TLSv1.1 | TLSv1.1         | true
          TLS 1.0 only          | -tls1 -cipher DEFAULT@SECLEVEL=0   | TLSv1   | TLSv1           | true
          TLS 1.0 to 1.3        | -cipher DEFAULT@SECLEVEL=0 -min_protocol TLSv1 | TLSv1.3 | TLSv1,TLSv1.1,TLSv1.2,TLSv1.3 | true
          """)
  void acceptedVersionsAreProbedOneByOne(
      String name, String options, String negotiated, String accepted, boolean outdated) {
    String[] args = options == null ? new String[0] : options.trim().split(" +");
    try (OpenSsl.Server server = OpenSsl.server(pem, "127.0.0.1", args)) {
      TargetSpec target = new TargetSpec("localhost", server.port(), null, Map.of());
      FetchedChain chain = Scanners.fetcher().fetch(target);
      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.protocol()).isEqualTo(negotiated);
      assertThat(chain.certificates()).hasSize(2);

      List<String> versions = Scanners.versionProbe().acceptedProtocols(target, chain);

      assertThat(versions).containsExactly(accepted.split(","));
      assertThat(ProtocolFindings.outdatedProtocol(versions).isPresent()).isEqualTo(outdated);
    }
  }
}
