package dev.vigil.scanner.chain.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.EvmHealthEvaluator;
import dev.vigil.scanner.domain.chain.EvmSnapshot.ProbeError;
import dev.vigil.scanner.domain.chain.ObservationEvaluator;
import dev.vigil.scanner.domain.chain.OpStackEvaluator;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Peers answering exactly like op-node, Bitcoin Core, Solana and CometBFT document it (field names,
 * types, error forms), since none of them can be installed here.
 */
class DocumentedPeersProbeTest {

  static final Instant NOW = Instant.parse("2026-11-25T07:00:00Z");
  static final long T = NOW.getEpochSecond();
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final ProviderProbers probers =
      new ProviderProbers(
          ProviderProbers.standard(HostilePeerProbeTest.client(AddressPolicy.defaults()), CLOCK));
  final ObservationEvaluator evaluator = new ObservationEvaluator();

  ProviderObservation probe(ChainFamily family, URI url) {
    return probers
        .forFamily(family)
        .probe(
            new ProbeRequest("p-" + family, family, url, Map.of(), Duration.ofSeconds(10), null));
  }

  @Nested
  class OpNode {

    static String ref(long number, long timestamp) {
      return "{\"hash\":\"0x"
          + Long.toHexString(number)
          + "ab\",\"number\":"
          + number
          + ",\"parentHash\":\"0x01\",\"timestamp\":"
          + timestamp
          + "}";
    }

    static String l2(long number, long timestamp) {
      return ref(number, timestamp)
          .replace(
              "}", ",\"l1origin\":{\"hash\":\"0x02\",\"number\":19380210},\"sequenceNumber\":3}");
    }

    static String syncStatus(long unsafeTime, long headL1, long currentL1) {
      return "{\"current_l1\":"
          + ref(currentL1, T - 24)
          + ",\"current_l1_finalized\":"
          + ref(currentL1 - 64, T - 800)
          + ",\"head_l1\":"
          + ref(headL1, T - 12)
          + ",\"safe_l1\":"
          + ref(headL1 - 32, T - 400)
          + ",\"finalized_l1\":"
          + ref(headL1 - 64, T - 800)
          + ",\"unsafe_l2\":"
          + l2(117066010, unsafeTime)
          + ",\"safe_l2\":"
          + l2(117065710, unsafeTime - 600)
          + ",\"finalized_l2\":"
          + l2(117064810, unsafeTime - 2400)
          + ",\"pending_safe_l2\":"
          + l2(117065710, unsafeTime - 600)
          + ",\"queued_unsafe_l2\":"
          + ref(0, 0)
          + "}";
    }

    final ChainExpectations base = ChainExpectations.forBlockTime(null, Duration.ofSeconds(2));

    @Test
    void aHealthyRollupNodeIsHealthy() {
      try (ChainPeer peer =
          ChainPeer.jsonRpc(Map.of("optimism_syncStatus", syncStatus(T - 1, 19380215, 19380213)))) {
        ProviderObservation o = probe(ChainFamily.OP_STACK, peer.uri());

        assertThat(o.errors()).isEmpty();
        assertThat(o.rollup().unsafeL2().height()).isEqualTo(117066010);
        assertThat(o.rollup().headL1().height()).isEqualTo(19380215);
        ChainVerdict verdict = evaluator.evaluate(o, null, base, null);
        assertThat(verdict.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(verdict.safeLagBlocks()).isEqualTo(300);
        assertThat(verdict.finalizedLagSeconds()).isEqualTo(2400.0);
      }
    }

    @Test
    void aStalledSequencerIsTheBaseOutage() {
      try (ChainPeer peer =
          ChainPeer.jsonRpc(
              Map.of("optimism_syncStatus", syncStatus(T - 600, 19380215, 19380213)))) {
        ChainVerdict verdict =
            evaluator.evaluate(probe(ChainFamily.OP_STACK, peer.uri()), null, base, null);

        assertThat(verdict.has(OpStackEvaluator.UNSAFE_HEAD_STALLED)).isTrue();
        assertThat(verdict.has(EvmHealthEvaluator.HEAD_STALLED)).isFalse();
        assertThat(verdict.headAgeSeconds()).isEqualTo(600.0);
        assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
      }
    }

    @Test
    void derivationFallingBehindL1IsAnL1OriginLag() {
      try (ChainPeer peer =
          ChainPeer.jsonRpc(Map.of("optimism_syncStatus", syncStatus(T - 1, 19380250, 19380213)))) {
        ChainVerdict verdict =
            evaluator.evaluate(probe(ChainFamily.OP_STACK, peer.uri()), null, base, null);

        assertThat(verdict.has(OpStackEvaluator.L1_ORIGIN_LAG)).isTrue();
        assertThat(verdict.status()).isEqualTo(HealthStatus.DEGRADED);
      }
    }

    @Test
    void anRpcWithoutTheOptimismNamespaceIsDown() {
      try (ChainPeer peer = ChainPeer.jsonRpc(Map.of())) {
        ProviderObservation o = probe(ChainFamily.OP_STACK, peer.uri());

        assertThat(o.errors())
            .extracting(ProbeError::method, ProbeError::failure)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("optimism_syncStatus", ProbeFailure.RPC_ERROR));
        ChainVerdict verdict = evaluator.evaluate(o, null, base, null);
        assertThat(verdict.has(EvmHealthEvaluator.PROVIDER_DOWN)).isTrue();
      }
    }
  }

  @Nested
  class BitcoinCore {

    /** JSON-RPC 1.0 as bitcoind answers: no jsonrpc member, error null on success. */
    static ChainPeer bitcoind(Function<String, Object[]> byMethod) {
      return ChainPeer.start(
          (exchange, body) -> {
            JsonNode request = ChainPeer.JSON.readTree(body);
            if (request.isArray()) {
              ArrayNode replies = ChainPeer.JSON.createArrayNode();
              request.forEach(call -> replies.add(reply(call, byMethod)));
              ChainPeer.send(exchange, 200, replies.toString());
            } else {
              ObjectNode reply = reply(request, byMethod);
              ChainPeer.send(exchange, reply.get("error").isNull() ? 200 : 500, reply.toString());
            }
          });
    }

    static ObjectNode reply(JsonNode call, Function<String, Object[]> byMethod) {
      Object[] answer = byMethod.apply(call.path("method").asText());
      ObjectNode reply = ChainPeer.JSON.createObjectNode();
      try {
        reply.set("result", answer[0] == null ? null : ChainPeer.JSON.readTree((String) answer[0]));
        reply.set("error", answer[1] == null ? null : ChainPeer.JSON.readTree((String) answer[1]));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (reply.get("result") == null) {
        reply.putNull("result");
      }
      if (reply.get("error") == null) {
        reply.putNull("error");
      }
      reply.set("id", call.get("id"));
      return reply;
    }

    static String chainInfo(String chain, boolean ibd, boolean withTime) {
      return "{\"chain\":\""
          + chain
          + "\",\"blocks\":871234,\"headers\":871234,"
          + "\"bestblockhash\":\"00000000000000000001c0ffee\",\"difficulty\":1.0e14,"
          + (withTime ? "\"time\":" + (T - 300) + "," : "")
          + "\"mediantime\":"
          + (T - 3000)
          + ",\"verificationprogress\":0.9999991,"
          + "\"initialblockdownload\":"
          + ibd
          + ",\"chainwork\":\"00ff\",\"size_on_disk\":1,"
          + "\"pruned\":false,\"warnings\":\"\"}";
    }

    static final String NETWORK =
        "{\"version\":270000,\"subversion\":\"/Satoshi:27.0.0/\",\"protocolversion\":70016,"
            + "\"networkactive\":true,\"connections\":10,\"connections_in\":0,"
            + "\"connections_out\":10,\"warnings\":\"\"}";

    final ChainExpectations mainnet =
        ChainExpectations.forBlockTime("main", Duration.ofMinutes(10));

    @Test
    void aSyncedNodeIsHealthy() {
      try (ChainPeer peer =
          bitcoind(
              m ->
                  switch (m) {
                    case "getblockchaininfo" -> new Object[] {chainInfo("main", false, true), null};
                    case "getnetworkinfo" -> new Object[] {NETWORK, null};
                    default ->
                        new Object[] {null, "{\"code\":-32601,\"message\":\"Method not found\"}"};
                  })) {
        ProviderObservation o = probe(ChainFamily.BITCOIN, peer.uri());

        assertThat(o.errors()).isEmpty();
        assertThat(o.latest().height()).isEqualTo(871234);
        assertThat(o.latest().timestamp()).isEqualTo(NOW.minusSeconds(300));
        assertThat(o.peerCount()).isEqualTo(10);
        assertThat(evaluator.evaluate(o, null, mainnet, null).status())
            .isEqualTo(HealthStatus.HEALTHY);
      }
    }

    @Test
    void anOlderNodeWithoutTimeGetsItFromTheBlockHeader() {
      try (ChainPeer peer =
          bitcoind(
              m ->
                  switch (m) {
                    case "getblockchaininfo" ->
                        new Object[] {chainInfo("main", false, false), null};
                    case "getnetworkinfo" -> new Object[] {NETWORK, null};
                    case "getblockheader" ->
                        new Object[] {
                          "{\"hash\":\"00000000000000000001c0ffee\",\"height\":871234,\"time\":"
                              + (T - 60)
                              + ",\"mediantime\":"
                              + (T - 3000)
                              + "}",
                          null
                        };
                    default ->
                        new Object[] {null, "{\"code\":-32601,\"message\":\"Method not found\"}"};
                  })) {
        ProviderObservation o = probe(ChainFamily.BITCOIN, peer.uri());

        assertThat(o.errors()).isEmpty();
        assertThat(o.latest().timestamp()).isEqualTo(NOW.minusSeconds(60));
        assertThat(peer.seen.get(1).body())
            .contains("getblockheader", "00000000000000000001c0ffee");
      }
    }

    @Test
    void initialBlockDownloadOnTestnetIsSyncingAndTheWrongChain() {
      try (ChainPeer peer =
          bitcoind(
              m ->
                  switch (m) {
                    case "getblockchaininfo" -> new Object[] {chainInfo("test", true, true), null};
                    default -> new Object[] {NETWORK, null};
                  })) {
        ChainVerdict verdict =
            evaluator.evaluate(probe(ChainFamily.BITCOIN, peer.uri()), null, mainnet, null);

        assertThat(verdict.has(EvmHealthEvaluator.SYNCING)).isTrue();
        assertThat(verdict.has(EvmHealthEvaluator.WRONG_CHAIN)).isTrue();
        assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
      }
    }

    @Test
    void aWarmingUpNodeAnswersTheOneDotZeroErrorForm() {
      String warmup = "{\"code\":-28,\"message\":\"Loading block index...\"}";
      try (ChainPeer peer = bitcoind(m -> new Object[] {null, warmup})) {
        ProviderObservation o = probe(ChainFamily.BITCOIN, peer.uri());

        assertThat(o.errors())
            .containsExactly(
                new ProbeError(
                    "getblockchaininfo", ProbeFailure.RPC_ERROR, "-28: Loading block index..."));
        assertThat(evaluator.evaluate(o, null, mainnet, null).status())
            .isEqualTo(HealthStatus.DOWN);
      }
    }

    @Test
    void aSingleCallErrorWithHttp500IsStillReadAsJsonRpc() {
      // Batches refused (HTTP 500, 1.0 error object), single calls answered with 500 too.
      String warmup = "{\"code\":-28,\"message\":\"Verifying blocks...\"}";
      try (ChainPeer peer =
          ChainPeer.fixed(500, "{\"result\":null,\"error\":" + warmup + ",\"id\":1}")) {
        ProviderObservation o = probe(ChainFamily.BITCOIN, peer.uri());

        assertThat(o.errors()).extracting(ProbeError::failure).containsOnly(ProbeFailure.RPC_ERROR);
        assertThat(o.httpStatus()).isEqualTo(500);
      }
    }

    @Test
    void wrongCredentialsAreAnHttpStatus() {
      try (ChainPeer peer = ChainPeer.fixed(401, "")) {
        ProviderObservation o = probe(ChainFamily.BITCOIN, peer.uri());

        assertThat(o.errors())
            .extracting(ProbeError::failure)
            .containsOnly(ProbeFailure.HTTP_STATUS);
      }
    }
  }

  @Nested
  class Solana {

    static final String GENESIS = "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d";
    final ChainExpectations mainnet =
        ChainExpectations.forBlockTime(GENESIS, Duration.ofMillis(400));

    static ChainPeer node(Function<JsonNode, ObjectNode> health, long skippedSlot) {
      return ChainPeer.jsonRpc(
          call -> {
            JsonNode params = call.path("params");
            return switch (call.path("method").asText()) {
              case "getSlot" ->
                  ChainPeer.result(
                      call,
                      params.path(0).path("commitment").asText().equals("finalized")
                          ? "268000968"
                          : "268001000");
              case "getHealth" -> health.apply(call);
              case "getGenesisHash" -> ChainPeer.result(call, "\"" + GENESIS + "\"");
              case "getBlockTime" -> {
                long slot = params.path(0).asLong();
                yield slot == skippedSlot
                    ? ChainPeer.error(
                        call,
                        -32007,
                        "Slot "
                            + slot
                            + " was skipped, or missing due to ledger jump to recent snapshot")
                    : ChainPeer.result(call, Long.toString(T - (268001000 - slot) * 4 / 10));
              }
              default -> ChainPeer.error(call, -32601, "Method not found");
            };
          });
    }

    @Test
    void aHealthyNodeIsHealthy() {
      try (ChainPeer peer = node(call -> ChainPeer.result(call, "\"ok\""), -1)) {
        ProviderObservation o = probe(ChainFamily.SOLANA, peer.uri());

        assertThat(o.errors()).isEmpty();
        assertThat(o.latest().height()).isEqualTo(268001000);
        assertThat(o.finalized().height()).isEqualTo(268000968);
        assertThat(o.reportedChainId()).isEqualTo(GENESIS);
        ChainVerdict verdict = evaluator.evaluate(o, null, mainnet, null);
        assertThat(verdict.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(verdict.finalizedLagBlocks()).isEqualTo(32);
      }
    }

    @Test
    void aSkippedHeadSlotTakesTheTimeOfTheSlotBefore() {
      try (ChainPeer peer = node(call -> ChainPeer.result(call, "\"ok\""), 268001000)) {
        ProviderObservation o = probe(ChainFamily.SOLANA, peer.uri());

        assertThat(o.errors()).isEmpty();
        assertThat(o.latest().height()).isEqualTo(268001000);
        assertThat(o.latest().timestamp()).isEqualTo(Instant.ofEpochSecond(T));
      }
    }

    @Test
    void aNodeBehindIsUnhealthyWithItsSlotCount() {
      try (ChainPeer peer =
          node(
              call -> {
                ObjectNode reply = ChainPeer.error(call, -32005, "Node is behind by 42 slots");
                ((ObjectNode) reply.get("error")).putObject("data").put("numSlotsBehind", 42);
                return reply;
              },
              -1)) {
        ProviderObservation o = probe(ChainFamily.SOLANA, peer.uri());
        ChainVerdict verdict = evaluator.evaluate(o, null, mainnet, null);

        assertThat(o.errors()).isEmpty();
        assertThat(verdict.has(ObservationEvaluator.NODE_UNHEALTHY)).isTrue();
        assertThat(verdict.findings().get(0).evidence()).containsEntry("numSlotsBehind", "42");
        assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
      }
    }

    @Test
    void anUnhealthyNodeWithoutDataIsUnhealthy() {
      try (ChainPeer peer = node(call -> ChainPeer.error(call, -32005, "Node is unhealthy"), -1)) {
        ChainVerdict verdict =
            evaluator.evaluate(probe(ChainFamily.SOLANA, peer.uri()), null, mainnet, null);

        assertThat(verdict.has(ObservationEvaluator.NODE_UNHEALTHY)).isTrue();
      }
    }

    @Test
    void aDevnetNodeIsTheWrongChain() {
      ChainExpectations devnet =
          ChainExpectations.forBlockTime(
              "EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG", Duration.ofMillis(400));
      try (ChainPeer peer = node(call -> ChainPeer.result(call, "\"ok\""), -1)) {
        ChainVerdict verdict =
            evaluator.evaluate(probe(ChainFamily.SOLANA, peer.uri()), null, devnet, null);

        assertThat(verdict.has(EvmHealthEvaluator.WRONG_CHAIN)).isTrue();
      }
    }
  }

  @Nested
  class CometBft {

    static String status(String network, long height, String time, boolean catchingUp) {
      return "{\"node_info\":{\"protocol_version\":{\"p2p\":\"8\",\"block\":\"11\",\"app\":\"0\"},"
          + "\"id\":\"c2a0f1e4\",\"listen_addr\":\"tcp://0.0.0.0:26656\",\"network\":\""
          + network
          + "\",\"version\":\"0.37.4\",\"channels\":\"40202122233038606100\",\"moniker\":\"node\","
          + "\"other\":{\"tx_index\":\"on\",\"rpc_address\":\"tcp://0.0.0.0:26657\"}},"
          + "\"sync_info\":{\"latest_block_hash\":\"C5D1E2F3\",\"latest_app_hash\":\"AB12\","
          + "\"latest_block_height\":\""
          + height
          + "\",\"latest_block_time\":\""
          + time
          + "\","
          + "\"earliest_block_hash\":\"00AA\",\"earliest_app_hash\":\"00BB\","
          + "\"earliest_block_height\":\"5200791\",\"earliest_block_time\":\"2021-02-18T06:00:00Z\","
          + "\"catching_up\":"
          + catchingUp
          + "},"
          + "\"validator_info\":{\"address\":\"AA\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\","
          + "\"value\":\"abc=\"},\"voting_power\":\"0\"}}";
    }

    static String wrapped(String result) {
      return "{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":" + result + "}";
    }

    final ChainExpectations hub =
        ChainExpectations.forBlockTime("cosmoshub-4", Duration.ofSeconds(6));

    @Test
    void tendermintsWrappedAnswerIsReadAndTheKeyedPathKept() {
      String body =
          wrapped(status("cosmoshub-4", 18000000, "2026-11-25T06:59:57.123456789Z", false));
      try (ChainPeer peer = ChainPeer.fixed(200, body)) {
        ProviderObservation o = probe(ChainFamily.COSMOS, peer.uri("/rpc/KEY123?apikey=KEY123"));

        assertThat(o.errors()).isEmpty();
        assertThat(o.latest().height()).isEqualTo(18000000);
        assertThat(o.latest().timestamp())
            .isEqualTo(Instant.parse("2026-11-25T06:59:57.123456789Z"));
        assertThat(o.reportedChainId()).isEqualTo("cosmoshub-4");
        assertThat(peer.seen.get(0).pathAndQuery()).isEqualTo("/rpc/KEY123/status?apikey=KEY123");
        assertThat(peer.seen.get(0).method()).isEqualTo("GET");
        assertThat(evaluator.evaluate(o, null, hub, null).status()).isEqualTo(HealthStatus.HEALTHY);
      }
    }

    @Test
    void cometBftsBareAnswerIsReadToo() {
      String body = status("cosmoshub-4", 18000001, "2026-11-25T06:59:59Z", false);
      try (ChainPeer peer = ChainPeer.fixed(200, body)) {
        ProviderObservation o = probe(ChainFamily.COSMOS, peer.uri());

        assertThat(o.errors()).isEmpty();
        assertThat(o.latest().height()).isEqualTo(18000001);
        assertThat(peer.seen.get(0).pathAndQuery()).isEqualTo("/status");
      }
    }

    @Test
    void aCatchingUpNodeOnAnotherNetworkIsSyncingAndTheWrongChain() {
      String body = wrapped(status("theta-testnet-001", 100, "2026-11-25T06:59:59Z", true));
      try (ChainPeer peer = ChainPeer.fixed(200, body)) {
        ChainVerdict verdict =
            evaluator.evaluate(probe(ChainFamily.COSMOS, peer.uri()), null, hub, null);

        assertThat(verdict.has(EvmHealthEvaluator.SYNCING)).isTrue();
        assertThat(verdict.has(EvmHealthEvaluator.WRONG_CHAIN)).isTrue();
      }
    }

    @Test
    void theRpcErrorFormIsAnRpcError() {
      String error =
          "{\"jsonrpc\":\"2.0\",\"id\":-1,\"error\":{\"code\":-32603,\"message\":\"Internal error\","
              + "\"data\":\"node is not running\"}}";
      try (ChainPeer peer = ChainPeer.fixed(500, error)) {
        ProviderObservation o = probe(ChainFamily.COSMOS, peer.uri());

        assertThat(o.errors())
            .containsExactly(
                new ProbeError(
                    "status",
                    ProbeFailure.RPC_ERROR,
                    "-32603: Internal error node is not running"));
        assertThat(evaluator.evaluate(o, null, hub, null).status()).isEqualTo(HealthStatus.DOWN);
      }
    }

    @Test
    void aHeightThatIsNotANumberIsMalformed() {
      String body = wrapped(status("cosmoshub-4", 1, "yesterday", false));
      try (ChainPeer peer = ChainPeer.fixed(200, body)) {
        assertThat(probe(ChainFamily.COSMOS, peer.uri()).errors())
            .extracting(ProbeError::failure)
            .containsExactly(ProbeFailure.MALFORMED_RESPONSE);
      }
    }
  }
}
