package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.UnreachableReason;
import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.peers.LoopbackServer;
import dev.vigil.scanner.peers.ServerTls;
import dev.vigil.scanner.peers.StartTlsPeer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** STARTTLS dialogues against faithful peers of each protocol on loopback. */
class StartTlsFetchTest {

  private static final TestPki PKI = TestPki.create("STARTTLS test CA");
  private static final KeyMaterial MAIL = PKI.issueExpiringIn("mail.vigil.test", 60);
  private static final ServerTls TLS = new ServerTls(MAIL);

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = StartTls.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void chainIsReadAfterTheServerAgreesToUpgrade(StartTls protocol) throws Exception {
    try (LoopbackServer peer = StartTlsPeer.start(protocol, TLS, true)) {
      FetchedChain chain =
          Scanners.fetcher().fetch(Scanners.target("127.0.0.1", peer.port(), protocol));

      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.protocol()).isEqualTo("TLSv1.3");
      assertThat(chain.certificates()).hasSize(2);
      assertThat(chain.certificates().get(0)).isEqualTo(MAIL.leaf().getEncoded());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = StartTls.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void serverThatRefusesToUpgradeIsStartTlsFailed(StartTls protocol) {
    try (LoopbackServer peer = StartTlsPeer.start(protocol, TLS, false)) {
      FetchedChain chain =
          Scanners.fetcher().fetch(Scanners.target("127.0.0.1", peer.port(), protocol));

      assertThat(chain.failure()).isEqualTo(UnreachableReason.STARTTLS_FAILED);
      assertThat(chain.detail()).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = StartTls.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void versionsAreProbedThroughTheSameDialogue(StartTls protocol) throws Exception {
    try (LoopbackServer peer = StartTlsPeer.start(protocol, TLS, true)) {
      var target = Scanners.target("127.0.0.1", peer.port(), protocol);
      FetchedChain chain = Scanners.fetcher().fetch(target);

      assertThat(Scanners.versionProbe().acceptedProtocols(target, chain))
          .containsExactly("TLSv1.2", "TLSv1.3");
    }
  }

  @Test
  void directTlsServerGivenAsSmtpTimesOutWaitingForTheGreeting() {
    try (LoopbackServer tls = TLS.serve()) {
      FetchedChain chain =
          Scanners.fetcher().fetch(Scanners.target("127.0.0.1", tls.port(), StartTls.SMTP));

      assertThat(chain.failure()).isEqualTo(UnreachableReason.TIMEOUT);
    }
  }

  @Test
  void smtpServerWithAnEndlessGreetingIsCutOff() {
    try (LoopbackServer endless =
        LoopbackServer.start(
            socket -> {
              OutputStream out = socket.getOutputStream();
              byte[] line = "220-still greeting you\r\n".getBytes(StandardCharsets.US_ASCII);
              while (true) {
                out.write(line);
              }
            })) {
      FetchedChain chain =
          Scanners.fetcher().fetch(Scanners.target("127.0.0.1", endless.port(), StartTls.SMTP));

      assertThat(chain.failure()).isEqualTo(UnreachableReason.STARTTLS_FAILED);
      assertThat(chain.detail()).contains("more than 200 lines");
    }
  }

  @Test
  void smtpServerSendingOneEndlessLineIsCutOff() {
    try (LoopbackServer endless =
        LoopbackServer.start(
            socket -> {
              OutputStream out = socket.getOutputStream();
              out.write("220 ".getBytes(StandardCharsets.US_ASCII));
              byte[] chunk = new byte[4096];
              java.util.Arrays.fill(chunk, (byte) 'x');
              while (true) {
                out.write(chunk);
              }
            })) {
      FetchedChain chain =
          Scanners.fetcher().fetch(Scanners.target("127.0.0.1", endless.port(), StartTls.SMTP));

      assertThat(chain.failure()).isEqualTo(UnreachableReason.STARTTLS_FAILED);
      assertThat(chain.detail()).contains("longer than");
    }
  }

  @Test
  void postgresAnsweringWithAnErrorMessageIsStartTlsFailed() {
    try (LoopbackServer old =
        LoopbackServer.start(
            socket -> {
              socket.getInputStream().read(new byte[8]);
              socket.getOutputStream().write("EFATAL unsupported frontend protocol\0".getBytes());
            })) {
      FetchedChain chain =
          Scanners.fetcher().fetch(Scanners.target("127.0.0.1", old.port(), StartTls.POSTGRES));

      assertThat(chain.failure()).isEqualTo(UnreachableReason.STARTTLS_FAILED);
      assertThat(chain.detail()).contains("0x45");
    }
  }
}
