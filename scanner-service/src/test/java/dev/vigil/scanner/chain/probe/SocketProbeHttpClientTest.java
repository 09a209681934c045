package dev.vigil.scanner.chain.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.peers.LoopbackServer;
import dev.vigil.scanner.tls.HostResolver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The socket client against raw hostile peers on loopback: every answer a broken or malicious peer
 * can give ends as a status and body within the cap, or as one typed failure, by the deadline.
 */
class SocketProbeHttpClientTest {

  static final int CAP = 64 * 1024;
  static final Duration SHORT = Duration.ofMillis(1500);

  final SocketProbeHttpClient http =
      new SocketProbeHttpClient(
          AddressPolicy.defaults(),
          HostResolver.SYSTEM,
          CAP,
          Duration.ofSeconds(1),
          SocketProbeHttpClient.defaultTls());

  static HttpOutcome post(ProbeHttpClient http, URI uri, Duration timeout) {
    return http.send(
        "POST",
        uri,
        Map.of("Content-Type", "application/json"),
        "{}".getBytes(StandardCharsets.US_ASCII),
        System.nanoTime() + timeout.toNanos());
  }

  static Stream<Arguments> brokenAnswers() {
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    return Stream.of(
        Arguments.of("an SSH banner", "SSH-2.0-OpenSSH_9.2\r\n", ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a status out of range", "HTTP/1.1 999 Nope\r\n\r\n", ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "an HTTP/2 status line", "HTTP/2 200\r\n\r\n", ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "letters for a status", "HTTP/1.1 2OO OK\r\n\r\n", ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of("nothing at all", "", ProbeFailure.UNREACHABLE),
        Arguments.of("a status line cut short", "HTTP/1.1 20", ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a body shorter than its length",
            "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a terabyte Content-Length",
            "HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n",
            ProbeFailure.RESPONSE_TOO_LARGE),
        Arguments.of(
            "a negative Content-Length",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "two different Content-Lengths",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of("a 2 GB chunk", chunked + "7fffffff\r\n", ProbeFailure.RESPONSE_TOO_LARGE),
        Arguments.of(
            "a chunk size overflowing 64 bits",
            chunked + "ffffffffffffffffffffffff\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a chunk size that is not hex", chunked + "zz\r\n", ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a chunk without its CRLF",
            chunked + "3\r\nabcX\r\n0\r\n\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "chunks over the cap",
            chunked + ("8000\r\n" + "a".repeat(0x8000) + "\r\n").repeat(3) + "0\r\n\r\n",
            ProbeFailure.RESPONSE_TOO_LARGE),
        Arguments.of(
            "a body until close over the cap",
            "HTTP/1.1 200 OK\r\n\r\n" + "b".repeat(CAP + 1),
            ProbeFailure.RESPONSE_TOO_LARGE),
        Arguments.of(
            "a 100 KB header line",
            "HTTP/1.1 200 OK\r\nX-Long: " + "x".repeat(100_000) + "\r\n\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "300 headers",
            "HTTP/1.1 200 OK\r\n" + "X-H: 1\r\n".repeat(300) + "\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a header without a colon",
            "HTTP/1.1 200 OK\r\nnot a header\r\n\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a folded header line",
            "HTTP/1.1 200 OK\r\nX-A: 1\r\n continued\r\n\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "a protocol switch",
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
            ProbeFailure.MALFORMED_RESPONSE),
        Arguments.of(
            "endless 100 Continue",
            "HTTP/1.1 100 Continue\r\n\r\n".repeat(20),
            ProbeFailure.MALFORMED_RESPONSE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenAnswers")
  void aBrokenAnswerIsOneTypedFailure(String name, String answer, ProbeFailure expected) {
    try (RawHttpPeer peer = RawHttpPeer.once(answer)) {
      HttpOutcome outcome = post(http, peer.uri(), Duration.ofSeconds(10));

      assertThat(outcome.failure()).isEqualTo(expected);
      assertThat(outcome.detail()).doesNotContain("/rpc").doesNotContain("127.0.0.1");
      assertThat(http.liveConnections()).isZero();
    }
  }

  static Stream<Arguments> oddButValidAnswers() {
    return Stream.of(
        Arguments.of(
            "a Content-Length body", RawHttpPeer.ok("{\"a\":1}", h -> h), 200, "{\"a\":1}"),
        Arguments.of(
            "chunks with extensions and trailers",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\n{\"a\r\n4\r\n\":1}\r\n0\r\nX-Trailer: t\r\n\r\n",
            200,
            "{\"a\":1}"),
        Arguments.of(
            "a body until close", "HTTP/1.1 200 OK\r\n\r\nuntil-close", 200, "until-close"),
        Arguments.of("HTTP/1.0", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, "ok"),
        Arguments.of(
            "100 Continue first",
            "HTTP/1.1 100 Continue\r\n\r\n" + RawHttpPeer.ok("ok", h -> h),
            200,
            "ok"),
        Arguments.of("a bare LF line end", "HTTP/1.1 200 OK\nContent-Length: 2\n\nok", 200, "ok"),
        Arguments.of("no reason phrase", "HTTP/1.1 204\r\n\r\n", 204, ""),
        Arguments.of(
            "a redirect to cloud metadata, not followed",
            "HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/\r\nContent-Length: 0\r\n\r\n",
            302,
            ""),
        Arguments.of(
            "a body exactly at the cap", "HTTP/1.1 200 OK\r\n\r\n" + "c".repeat(CAP), 200, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddButValidAnswers")
  void anOddButValidAnswerIsRead(String name, String answer, int status, String body) {
    try (RawHttpPeer peer = RawHttpPeer.once(answer)) {
      HttpOutcome outcome = post(http, peer.uri(), Duration.ofSeconds(10));

      assertThat(outcome.failure()).isNull();
      assertThat(outcome.status()).isEqualTo(status);
      if (body != null) {
        assertThat(new String(outcome.body(), StandardCharsets.ISO_8859_1)).isEqualTo(body);
      } else {
        assertThat(outcome.body()).hasSize(CAP);
      }
      assertThat(peer.requests).hasSize(1);
    }
  }

  static Stream<Arguments> stallingPeers() {
    RawHttpPeer.Answer never =
        (head, out, socket) -> new CountDownLatch(1).await(30, TimeUnit.SECONDS);
    RawHttpPeer.Answer slowLoris =
        (head, out, socket) -> {
          out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 600; i++) {
            out.write('X'); // one byte of an endless header line every 50 ms
            out.flush();
            new CountDownLatch(1).await(50, TimeUnit.MILLISECONDS);
          }
          return false;
        };
    RawHttpPeer.Answer dripBody =
        (head, out, socket) -> {
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Length: 50000\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 600; i++) {
            out.write('[');
            out.flush();
            new CountDownLatch(1).await(50, TimeUnit.MILLISECONDS);
          }
          return false;
        };
    return Stream.of(
        Arguments.of("accepts and never answers", never),
        Arguments.of("a header line dripping a byte every 50 ms", slowLoris),
        Arguments.of("a body dripping a byte every 50 ms", dripBody));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stallingPeers")
  void aStallingPeerCostsTheDeadlineAndNoMore(String name, RawHttpPeer.Answer answer) {
    try (RawHttpPeer peer = RawHttpPeer.start(answer)) {
      long started = System.nanoTime();
      HttpOutcome outcome = post(http, peer.uri(), SHORT);

      assertThat(outcome.failure()).isEqualTo(ProbeFailure.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(SHORT.minusMillis(50), SHORT.plusMillis(500));
    }
  }

  @Test
  void aPeerThatNeverReadsCannotBlockAWritePastTheDeadline() {
    try (LoopbackServer peer =
        LoopbackServer.start(socket -> new CountDownLatch(1).await(30, TimeUnit.SECONDS))) {
      // The peer never reads: 64 MB cannot fit in the socket buffers, the write blocks.
      long started = System.nanoTime();
      HttpOutcome outcome =
          http.send(
              "POST",
              URI.create("http://127.0.0.1:" + peer.port() + "/"),
              Map.of("Content-Type", "application/json"),
              new byte[64 << 20],
              System.nanoTime() + SHORT.toNanos());

      assertThat(outcome.failure()).isEqualTo(ProbeFailure.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT.plusMillis(1000));
    }
  }

  @Test
  void aHeaderValueThatWouldStartAnotherHeaderIsNeverSent() {
    try (RawHttpPeer peer = RawHttpPeer.fixed(RawHttpPeer.ok("ok", h -> h))) {
      HttpOutcome outcome =
          http.send(
              "GET",
              peer.uri(),
              Map.of("X-Api-Key", "secret\r\nX-Injected: 1"),
              null,
              System.nanoTime() + Duration.ofSeconds(10).toNanos());

      assertThat(outcome.failure()).isEqualTo(ProbeFailure.UNREACHABLE);
      assertThat(outcome.detail())
          .isEqualTo("invalid request method or header")
          .doesNotContain("secret");
      assertThat(peer.connections).hasValue(0);
    }
  }
}
