package dev.vigil.scanner.chain.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.Cidr;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.EvmHealthEvaluator;
import dev.vigil.scanner.domain.chain.EvmSnapshot.ProbeError;
import dev.vigil.scanner.domain.chain.ObservationEvaluator;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.peers.LoopbackServer;
import dev.vigil.scanner.tls.HostResolver;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a peer can misbehave ends as a typed observation or finding, within the probe's
 * timeout, and never as an exception or a stuck prober. Runs on the socket client (the default);
 * {@link JdkClientHostilePeerProbeTest} runs the same cases on the JDK client.
 */
class HostilePeerProbeTest {

  static final Instant NOW = Instant.parse("2026-11-25T07:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final int CAP = 64 * 1024;
  static final Duration TIMEOUT = Duration.ofMillis(1500);
  static final ChainExpectations MAINNET =
      ChainExpectations.forBlockTime("1", Duration.ofSeconds(12));

  final ProbeHttpClient http = newClient(AddressPolicy.defaults());
  final EvmProber evm = new EvmProber(new JsonRpcClient(http, ChainPeer.JSON), CLOCK);
  final ObservationEvaluator evaluator = new ObservationEvaluator();
  final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** The default client (sockets), for the other probe tests. */
  static ProbeHttpClient client(AddressPolicy policy) {
    return ProbeHttpClient.sockets(policy, HostResolver.SYSTEM, CAP, Duration.ofSeconds(1));
  }

  /** The client under test; {@link JdkClientHostilePeerProbeTest} runs every case on the other. */
  ProbeHttpClient newClient(AddressPolicy policy) {
    return client(policy);
  }

  /** For answers expected to arrive: generous, so a loaded build machine cannot fail the test. */
  static ProbeRequest request(URI url) {
    return request(url, Duration.ofSeconds(10));
  }

  /** For peers that never finish: the probe must end by this timeout. */
  static ProbeRequest shortRequest(URI url) {
    return request(url, TIMEOUT);
  }

  static ProbeRequest request(URI url, Duration timeout) {
    return new ProbeRequest("provider-1", ChainFamily.EVM, url, Map.of(), timeout, null);
  }

  @Test
  void healthyNodeAnswersOneBatchAndIsHealthy() {
    try (ChainPeer peer = ChainPeer.jsonRpc(new FakeEvmNode(NOW.getEpochSecond() - 3))) {
      ProviderObservation o = evm.probe(request(peer.uri()));

      assertThat(o.errors()).isEmpty();
      assertThat(o.reportedChainId()).isEqualTo("1");
      assertThat(o.latest().height()).isEqualTo(1000);
      assertThat(o.safe().height()).isEqualTo(968);
      assertThat(o.finalized().height()).isEqualTo(936);
      assertThat(o.peerCount()).isEqualTo(25);
      assertThat(o.syncing()).isFalse();
      assertThat(peer.seen).hasSize(1);
      assertThat(evaluator.evaluate(o, null, MAINNET, null).status())
          .isEqualTo(HealthStatus.HEALTHY);
    }
  }

  @Test
  void malformedJsonIsAMalformedResponseAndTheProviderIsDown() {
    try (ChainPeer peer = ChainPeer.fixed(200, "{\"jsonrpc\":\"2.0\",\"result\": [1, 2")) {
      ProviderObservation o = evm.probe(request(peer.uri()));

      assertThat(o.errors())
          .extracting(ProbeError::failure)
          .containsExactly(ProbeFailure.MALFORMED_RESPONSE);
      ChainVerdict verdict = evaluator.evaluate(o, null, MAINNET, null);
      assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(verdict.has(EvmHealthEvaluator.PROVIDER_DOWN)).isTrue();
    }
  }

  @Test
  void wrongShapedFieldsAreMalformedForThatCallOnly() {
    FakeEvmNode node = new FakeEvmNode(NOW.getEpochSecond());
    try (ChainPeer peer =
        ChainPeer.jsonRpc(
            call ->
                call.path("method").asText().equals("eth_chainId")
                    ? ChainPeer.result(call, "12345")
                    : node.apply(call))) {
      ProviderObservation o = evm.probe(request(peer.uri()));

      assertThat(o.errors())
          .containsExactly(
              new ProbeError(
                  "eth_chainId", ProbeFailure.MALFORMED_RESPONSE, "chain id is not a hex string"));
      assertThat(o.latest()).isNotNull();
    }
  }

  @Test
  void jsonRpcErrorsAreTypedPerCall() {
    try (ChainPeer peer =
        ChainPeer.jsonRpc(call -> ChainPeer.error(call, -32000, "header not found"))) {
      ProviderObservation o = evm.probe(request(peer.uri()));

      assertThat(o.errors())
          .extracting(ProbeError::method, ProbeError::failure)
          .contains(
              org.assertj.core.groups.Tuple.tuple("eth_chainId", ProbeFailure.RPC_ERROR),
              org.assertj.core.groups.Tuple.tuple(
                  "eth_getBlockByNumber(latest)", ProbeFailure.RPC_ERROR));
      assertThat(o.evidence()).containsEntry("safeUnsupported", "-32000: header not found");
      ChainVerdict verdict = evaluator.evaluate(o, null, MAINNET, null);
      assertThat(verdict.has(EvmHealthEvaluator.RPC_FAILED)).isTrue();
      assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
    }
  }

  @Test
  void aNodeThatRefusesBatchesGetsSingleCallsAndIsRemembered() {
    FakeEvmNode node = new FakeEvmNode(NOW.getEpochSecond());
    try (ChainPeer peer =
        ChainPeer.start(
            (exchange, body) -> {
              if (body.startsWith("[")) {
                ChainPeer.send(
                    exchange,
                    200,
                    "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
                        + "\"message\":\"batch requests are not supported\"}}");
              } else {
                ChainPeer.send(exchange, 200, node.apply(ChainPeer.JSON.readTree(body)).toString());
              }
            })) {
      ProviderObservation first = evm.probe(request(peer.uri()));
      ProviderObservation second = evm.probe(request(peer.uri()));

      assertThat(first.errors()).isEmpty();
      assertThat(first.latest().height()).isEqualTo(1000);
      assertThat(second.errors()).isEmpty();
      // 1 refused batch + 7 single calls, then 7 single calls: no second batch attempt
      assertThat(peer.seen).hasSize(15);
    }
  }

  @Test
  void aHugeBodyIsTooLarge() {
    String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + "f".repeat(5_000_000) + "\"}";
    try (ChainPeer peer = ChainPeer.fixed(200, huge)) {
      ProviderObservation o = evm.probe(request(peer.uri()));

      assertThat(o.errors())
          .extracting(ProbeError::failure)
          .containsExactly(ProbeFailure.RESPONSE_TOO_LARGE);
    }
  }

  @Test
  void anEndlessBodyEndsAtTheCap() {
    try (ChainPeer peer = ChainPeer.endless(8192, 0)) {
      long started = System.nanoTime();
      ProviderObservation o = evm.probe(shortRequest(peer.uri()));

      assertThat(o.errors())
          .extracting(ProbeError::failure)
          .containsExactly(ProbeFailure.RESPONSE_TOO_LARGE);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }
  }

  @Test
  void anEndlessDripBelowTheCapEndsAtTheDeadline() {
    try (ChainPeer peer = ChainPeer.endless(16, 50)) {
      long started = System.nanoTime();
      ProviderObservation o = evm.probe(shortRequest(peer.uri()));

      assertThat(o.errors()).extracting(ProbeError::failure).containsExactly(ProbeFailure.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusMillis(500));
    }
  }

  @Test
  void aSlowAnswerPastTheTimeoutIsATimeout() {
    try (ChainPeer peer = ChainPeer.hanging()) {
      long started = System.nanoTime();
      ProviderObservation o = evm.probe(shortRequest(peer.uri()));

      assertThat(o.errors()).extracting(ProbeError::failure).containsExactly(ProbeFailure.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(TIMEOUT.minusMillis(50), TIMEOUT.plusMillis(500));
    }
  }

  @Test
  void aHangingPeerDoesNotHoldUpProbesOfOthers() throws Exception {
    try (ChainPeer hanging = ChainPeer.hanging();
        ChainPeer healthy = ChainPeer.jsonRpc(new FakeEvmNode(NOW.getEpochSecond()))) {
      Duration stuckFor = Duration.ofSeconds(5);
      CompletableFuture<ProviderObservation> stuck =
          CompletableFuture.supplyAsync(() -> evm.probe(request(hanging.uri(), stuckFor)), pool);
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(evm.probe(request(healthy.uri())).errors()).isEmpty();
      }
      assertThat(stuck).isNotDone();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(stuckFor);
      assertThat(stuck.get(stuckFor.toMillis() + 2000, TimeUnit.MILLISECONDS).errors())
          .extracting(ProbeError::failure)
          .containsExactly(ProbeFailure.TIMEOUT);
    }
  }

  @Test
  void aWrongChainIdMakesTheProviderDown() {
    FakeEvmNode node = new FakeEvmNode(NOW.getEpochSecond());
    node.chainId = 10;
    try (ChainPeer peer = ChainPeer.jsonRpc(node)) {
      ChainVerdict verdict =
          evaluator.evaluate(evm.probe(request(peer.uri())), null, MAINNET, null);

      assertThat(verdict.has(EvmHealthEvaluator.WRONG_CHAIN)).isTrue();
      assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
    }
  }

  @Test
  void aHeadThatGoesBackwardsBetweenProbesIsFound() {
    FakeEvmNode node = new FakeEvmNode(NOW.getEpochSecond());
    try (ChainPeer peer = ChainPeer.jsonRpc(node)) {
      ProviderObservation before = evm.probe(request(peer.uri()));
      node.height = 990;
      node.hashSalt = "b";
      ProviderObservation after = evm.probe(request(peer.uri()));

      ChainVerdict verdict = evaluator.evaluate(after, before, MAINNET, null);
      assertThat(verdict.has(EvmHealthEvaluator.HEAD_WENT_BACKWARDS)).isTrue();
      assertThat(verdict.blocksSincePrevious()).isEqualTo(-10);
    }
  }

  @Test
  void aTimestampInTheFutureIsFound() {
    try (ChainPeer peer = ChainPeer.jsonRpc(new FakeEvmNode(NOW.getEpochSecond() + 3600))) {
      ChainVerdict verdict =
          evaluator.evaluate(evm.probe(request(peer.uri())), null, MAINNET, null);

      assertThat(verdict.has(EvmHealthEvaluator.TIMESTAMP_IN_FUTURE)).isTrue();
      assertThat(verdict.headAgeSeconds()).isZero();
    }
  }

  @Test
  void anAbsurdTimestampIsMalformedNotAFutureBlock() {
    FakeEvmNode node = new FakeEvmNode(Long.MAX_VALUE / 2);
    try (ChainPeer peer = ChainPeer.jsonRpc(node)) {
      ProviderObservation o = evm.probe(request(peer.uri()));

      assertThat(o.errors())
          .extracting(ProbeError::method, ProbeError::failure)
          .contains(
              org.assertj.core.groups.Tuple.tuple(
                  "eth_getBlockByNumber(latest)", ProbeFailure.MALFORMED_RESPONSE));
    }
  }

  @Test
  void aRefusedConnectionIsUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProviderObservation o = evm.probe(request(URI.create("http://127.0.0.1:" + port + "/")));

    assertThat(o.errors())
        .extracting(ProbeError::failure)
        .containsExactly(ProbeFailure.UNREACHABLE);
  }

  @Test
  void anHttpErrorWithoutJsonIsAnHttpStatus() {
    try (ChainPeer peer = ChainPeer.fixed(502, "")) {
      ProviderObservation o = evm.probe(request(peer.uri()));

      assertThat(o.errors()).extracting(ProbeError::failure).containsOnly(ProbeFailure.HTTP_STATUS);
      assertThat(o.httpStatus()).isEqualTo(502);
    }
  }

  @Test
  void aDeniedAddressIsNeverContacted() {
    AddressPolicy loopbackDenied =
        new AddressPolicy(List.of(), List.of(Cidr.parse("127.0.0.0/8")), Set.of());
    EvmProber denied =
        new EvmProber(new JsonRpcClient(newClient(loopbackDenied), ChainPeer.JSON), CLOCK);
    try (ChainPeer peer = ChainPeer.jsonRpc(new FakeEvmNode(NOW.getEpochSecond()))) {
      ProviderObservation o = denied.probe(request(peer.uri()));

      assertThat(o.errors())
          .extracting(ProbeError::failure)
          .containsExactly(ProbeFailure.DENIED_BY_POLICY);
      assertThat(peer.seen).isEmpty();
    }
    ProviderObservation metadata =
        evm.probe(request(URI.create("http://169.254.169.254/latest/meta-data")));
    assertThat(metadata.errors())
        .extracting(ProbeError::failure)
        .containsExactly(ProbeFailure.DENIED_BY_POLICY);
  }

  @Test
  void theUrlAndItsKeyNeverAppearInErrors() {
    try (ChainPeer peer = ChainPeer.fixed(200, "not json at all")) {
      ProviderObservation o = evm.probe(request(peer.uri("/v2/secret-api-key?key=secret-api-key")));

      assertThat(o.errors()).isNotEmpty();
      assertThat(o.errors().toString()).doesNotContain("secret-api-key");
      assertThat(peer.seen.get(0).pathAndQuery()).contains("secret-api-key");
    }
  }

  @Test
  void userInfoInTheUrlBecomesBasicAuth() {
    try (ChainPeer peer = ChainPeer.jsonRpc(new FakeEvmNode(NOW.getEpochSecond()))) {
      URI withUser =
          URI.create(peer.uri().toString().replace("http://", "http://rpcuser:rpc%40pass@"));
      assertThat(evm.probe(request(withUser)).errors()).isEmpty();

      assertThat(peer.seen.get(0).headers().get("Authorization"))
          .containsExactly("Basic cnBjdXNlcjpycGNAcGFzcw==");
    }
  }

  @Test
  void endlessHeadersEndAtTheDeadlineAndNotInMemory() {
    try (LoopbackServer peer =
        LoopbackServer.start(
            socket -> {
              OutputStream out = socket.getOutputStream();
              out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
              byte[] line =
                  ("X-Filler: " + "x".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
              while (true) {
                out.write(line); // throws once the client has hung up
              }
            })) {
      long started = System.nanoTime();
      ProviderObservation o =
          evm.probe(shortRequest(URI.create("http://127.0.0.1:" + peer.port() + "/")));

      assertThat(o.errors()).hasSize(1);
      assertThat(o.errors().get(0).failure())
          .isIn(ProbeFailure.TIMEOUT, ProbeFailure.UNREACHABLE, ProbeFailure.MALFORMED_RESPONSE);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusMillis(500));
    }
  }

  @Test
  void garbageInsteadOfHttpIsTyped() {
    try (LoopbackServer peer =
        LoopbackServer.start(
            socket -> {
              socket.getInputStream().read(new byte[4096]);
              socket
                  .getOutputStream()
                  .write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
              socket.getOutputStream().flush();
            })) {
      ProviderObservation o =
          evm.probe(request(URI.create("http://127.0.0.1:" + peer.port() + "/")));

      assertThat(o.errors()).hasSize(1);
      assertThat(o.errors().get(0).failure())
          .isIn(ProbeFailure.MALFORMED_RESPONSE, ProbeFailure.UNREACHABLE);
    }
  }
}
