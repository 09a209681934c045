package dev.vigil.scanner.chain.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.infra.chain.AnvilNode;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.EvmHealthEvaluator;
import dev.vigil.scanner.domain.chain.ObservationEvaluator;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderComparison;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The EVM prober against real anvil nodes: a healthy node, a node whose block production stops, and
 * two nodes of which one lags. Needs anvil (see {@link AnvilNode}); fails without it.
 */
@Tag("anvil")
class AnvilChainProbeTest {

  static final long CHAIN_ID = 31337;
  static final Duration POLL = Duration.ofSeconds(1);

  /** 1 s blocks; stalled after 3 s without a block, so the test is quick. */
  static final ChainExpectations LOCAL =
      new ChainExpectations(
          Long.toString(CHAIN_ID),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          64,
          Duration.ofMinutes(30),
          Duration.ofSeconds(5),
          3);

  final EvmProber prober =
      new EvmProber(
          new JsonRpcClient(
              ProbeHttpClient.sockets(
                  AddressPolicy.defaults(),
                  dev.vigil.scanner.tls.HostResolver.SYSTEM,
                  1 << 20,
                  Duration.ofSeconds(2)),
              ChainPeer.JSON),
          Clock.systemUTC());
  final ObservationEvaluator evaluator = new ObservationEvaluator();

  ProviderObservation probe(AnvilNode node, String id) {
    return prober.probe(
        new ProbeRequest(id, ChainFamily.EVM, node.uri(), Map.of(), Duration.ofSeconds(5), null));
  }

  @Test
  void aHealthyNodeAdvancesAndIsHealthy() {
    try (AnvilNode anvil = AnvilNode.start(CHAIN_ID, 1)) {
      ProviderObservation first = probe(anvil, "anvil-healthy");
      assertThat(first.errors()).isEmpty();
      assertThat(first.reportedChainId()).isEqualTo("31337");
      assertThat(first.evidence()).containsKey("net_peerCountUnsupported");

      AtomicReference<ChainVerdict> verdict = new AtomicReference<>();
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(POLL)
          .until(
              () -> {
                verdict.set(evaluator.evaluate(probe(anvil, "anvil-healthy"), first, LOCAL, null));
                return verdict.get().blocksSincePrevious() >= 2;
              });

      assertThat(verdict.get().findings()).isEmpty();
      assertThat(verdict.get().status()).isEqualTo(HealthStatus.HEALTHY);
      assertThat(verdict.get().headAgeSeconds()).isLessThanOrEqualTo(2.0);
      // anvil puts finalized 2 epochs (of 2 slots here) behind latest, less near genesis
      assertThat(verdict.get().finalizedLagBlocks()).isBetween(1L, 4L);
    }
  }

  @Test
  void whenBlockProductionStopsTheHeadStallsAndTheAlertFires() throws Exception {
    try (AnvilNode anvil = AnvilNode.start(CHAIN_ID, 1)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> anvil.height() >= 2);
      ProviderObservation healthy = probe(anvil, "anvil-stopping");
      assertThat(evaluator.evaluate(healthy, null, LOCAL, null).status())
          .isEqualTo(HealthStatus.HEALTHY);

      anvil.rpc("evm_setIntervalMining", "0");
      long stoppedAt = anvil.height();
      Instant lastBlock =
          Instant.ofEpochSecond(
              Long.decode(
                  anvil
                      .rpc("eth_getBlockByNumber", "\"latest\"", "false")
                      .get("timestamp")
                      .asText()));

      AtomicReference<ProviderObservation> previous = new AtomicReference<>(healthy);
      AtomicReference<ChainVerdict> verdict = new AtomicReference<>();
      // Stalled once the head is older than maxHeadAge; found by the next poll, plus 1 s slack.
      Duration limit = LOCAL.maxHeadAge().plus(POLL).plusSeconds(1);
      await()
          .atMost(limit.plusSeconds(2))
          .pollInterval(POLL)
          .until(
              () -> {
                ProviderObservation now = probe(anvil, "anvil-stopping");
                verdict.set(evaluator.evaluate(now, previous.getAndSet(now), LOCAL, null));
                return verdict.get().has(EvmHealthEvaluator.HEAD_STALLED);
              });

      Instant firedAt = Instant.now();
      assertThat(Duration.between(lastBlock, firedAt)).isLessThanOrEqualTo(limit.plusSeconds(1));
      assertThat(anvil.height()).isEqualTo(stoppedAt);
      assertThat(verdict.get().status()).isEqualTo(HealthStatus.DOWN);
      assertThat(verdict.get().headAgeSeconds()).isGreaterThan(3.0);
    }
  }

  @Test
  void ofTwoNodesTheOneThatLagsIsFoundAndRankedLast() throws Exception {
    try (AnvilNode fast = AnvilNode.start(CHAIN_ID, 1);
        AnvilNode slow = AnvilNode.start(CHAIN_ID, 4)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> fast.height() - slow.height() > LOCAL.maxLagBehindBest());

      ProviderObservation a = probe(fast, "fast");
      ProviderObservation b = probe(slow, "slow");
      ChainExpectations lenient = ChainExpectations.forBlockTime("31337", Duration.ofSeconds(1));
      ProviderComparison.Result result =
          new ProviderComparison()
              .compare(
                  List.of(view("slow", b, lenient), view("fast", a, lenient)),
                  LOCAL.maxLagBehindBest());

      assertThat(result.findings().get("slow"))
          .extracting(Finding::code)
          .containsExactly(ProviderComparison.LAGGING_BEHIND_BEST);
      assertThat(result.findings().get("fast")).isEmpty();
      assertThat(result.lagBehindBest().get("slow")).isGreaterThan(LOCAL.maxLagBehindBest());
      assertThat(result.ranking()).containsExactly("fast", "slow");
    }
  }

  private ProviderComparison.View view(
      String id, ProviderObservation o, ChainExpectations expectations) {
    ChainVerdict verdict = evaluator.evaluate(o, null, expectations, null);
    return new ProviderComparison.View(
        id,
        verdict.status(),
        o.latest(),
        Map.of(o.latest().height(), o.latest().hash()),
        o.latencyMillis());
  }
}
