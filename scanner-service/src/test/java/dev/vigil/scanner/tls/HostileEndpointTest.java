package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.peers.HostilePeers;
import dev.vigil.scanner.peers.LongChains;
import dev.vigil.scanner.peers.LoopbackServer;
import dev.vigil.scanner.peers.OpenSsl;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints that are slow, hostile or not TLS at all: each ends in a typed reason (or a finding)
 * within the configured timeouts, never in an exception.
 */
class HostileEndpointTest {

  /** Timeouts plus scheduling slack on a busy 2-core machine. */
  private static final Duration BOUND = Scanners.HANDSHAKE.plusSeconds(3);

  private static FetchedChain timedFetch(int port) {
    long start = System.nanoTime();
    FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("127.0.0.1", port));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    return chain;
  }

  @Test
  void serverThatNeverSpeaksTimesOut() {
    try (LoopbackServer silent = HostilePeers.silent()) {
      assertThat(timedFetch(silent.port()).failure()).isEqualTo(UnreachableReason.TIMEOUT);
    }
  }

  @Test
  void slowLorisHandshakeTimesOutAlthoughEveryReadSucceeds() {
    // One byte every 300 ms never trips the 2 s read timeout; only the overall deadline stops it.
    try (LoopbackServer loris = HostilePeers.slowLoris(Duration.ofMillis(300))) {
      FetchedChain chain = timedFetch(loris.port());

      assertThat(chain.failure()).isEqualTo(UnreachableReason.TIMEOUT);
    }
  }

  @Test
  void endlessGarbageIsNotTls() {
    try (LoopbackServer garbage = HostilePeers.endlessGarbage()) {
      assertThat(timedFetch(garbage.port()).failure()).isEqualTo(UnreachableReason.NOT_TLS);
    }
  }

  @Test
  void httpServerIsNotTls() {
    try (LoopbackServer http = HostilePeers.http()) {
      assertThat(timedFetch(http.port()).failure()).isEqualTo(UnreachableReason.NOT_TLS);
    }
  }

  @Test
  void garbageCertificateIsAHandshakeFailure() {
    try (LoopbackServer garbage = HostilePeers.garbageCertificate()) {
      FetchedChain chain = timedFetch(garbage.port());

      assertThat(chain.failure()).isEqualTo(UnreachableReason.HANDSHAKE_FAILURE);
      assertThat(chain.certificates()).isEmpty();
    }
  }

  @Test
  void hugeChainIsReadAndCutToTheAnalysedMaximum(@TempDir Path pem) {
    // 50 certificates, served by OpenSSL (the JDK's server refuses to send more than 10, and its
    // client to read them, so BouncyCastle reads this one).
    OpenSsl.writePem(LongChains.of(50), pem);
    try (OpenSsl.Server huge = OpenSsl.server(pem, "127.0.0.1")) {
      FetchedChain chain = timedFetch(huge.port());

      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.servedCount()).isEqualTo(50);
      assertThat(chain.certificates()).hasSize(FetchedChain.MAX_ANALYSED);
      assertThat(chain.truncated()).isTrue();
    }
  }

  @Test
  void closedPortIsRefused() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThat(timedFetch(closed).failure()).isEqualTo(UnreachableReason.REFUSED);
  }

  @Test
  void nameThatDoesNotResolveIsDns() {
    HostResolver nothing =
        host -> {
          throw new UnknownHostException(host);
        };
    FetchedChain chain =
        Scanners.fetcher(nothing).fetch(Scanners.target("nowhere.vigil.test", 443));

    assertThat(chain.failure()).isEqualTo(UnreachableReason.DNS);
  }

  @Test
  void nameThatResolvesToAMetadataAddressIsDenied() throws Exception {
    InetAddress metadata = InetAddress.getByName("169.254.169.254");
    FetchedChain chain =
        Scanners.fetcher(host -> List.of(metadata))
            .fetch(
                new dev.vigil.scanner.domain.TargetSpec("sneaky.vigil.test", 443, null, Map.of()));

    assertThat(chain.failure()).isEqualTo(UnreachableReason.DENIED_BY_POLICY);
  }
}
