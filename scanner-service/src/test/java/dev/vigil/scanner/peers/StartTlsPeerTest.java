package dev.vigil.scanner.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.StartTls;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test peers are only worth something if they speak each protocol the way real servers do:
 * OpenSSL's own STARTTLS client, written by other people from the same RFCs, must get through.
 */
class StartTlsPeerTest {

  private static final ServerTls TLS =
      new ServerTls(TestPki.create("Peer check CA").issueExpiringIn("mail.vigil.test", 30));

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = StartTls.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void openSslStartTlsClientCompletesTheHandshakeWithThePeer(StartTls protocol) {
    try (LoopbackServer peer = StartTlsPeer.start(protocol, TLS, true)) {
      String output = OpenSsl.startTlsClient(peer.port(), protocol.name().toLowerCase(Locale.ROOT));

      assertThat(output).contains("CONNECTION ESTABLISHED").contains("Protocol version: TLSv1.3");
    }
  }
}
