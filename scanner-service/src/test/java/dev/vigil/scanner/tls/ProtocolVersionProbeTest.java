package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.peers.LoopbackServer;
import dev.vigil.scanner.peers.ServerTls;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version probing against JDK servers restricted to some versions. */
class ProtocolVersionProbeTest {

  private static final TestPki PKI = TestPki.create("Version probe CA");

  @ParameterizedTest(name = "server speaks {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          TLSv1.3          | TLSv1.3
          TLSv1.2          | TLSv1.2
          TLSv1.2,TLSv1.3  | TLSv1.2,TLSv1.3
          """)
  void onlyTheVersionsTheServerSpeaksAreAccepted(String enabled, String expected) {
    ServerTls tls = new ServerTls(PKI.issueExpiringIn("localhost", 30), enabled.split(","));
    try (LoopbackServer server = tls.serve()) {
      TargetSpec target = Scanners.target("localhost", server.port());
      FetchedChain chain = Scanners.fetcher().fetch(target);

      List<String> accepted = Scanners.versionProbe().acceptedProtocols(target, chain);

      assertThat(accepted).containsExactly(expected.split(","));
    }
  }
}
