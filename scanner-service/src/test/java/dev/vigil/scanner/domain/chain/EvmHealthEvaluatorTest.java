package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvmHealthEvaluatorTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** Base-like: 2 s blocks, chain id 8453. */
  private static final ChainExpectations BASE =
      ChainExpectations.forBlockTime("8453", Duration.ofSeconds(2));

  private final EvmHealthEvaluator evaluator = new EvmHealthEvaluator();

  private static EvmSnapshot snapshot(
      Instant at, String chainId, long height, String hash, Instant blockTime) {
    return new EvmSnapshot(
        at, chainId, new BlockRef(height, hash, blockTime), null, null, false, 25, 40.0, List.of());
  }

  /**
   * Each row: a previous probe at T0 (height 1000, block stamped T0) and a current probe some
   * seconds later.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # name,                           seconds later, chain, height, hash, block age s, status,   finding
          healthy L2 advancing,              10,           8453,  1005,   h5,   1,           HEALTHY,
          unsafe head stopped (Base 2023),   40,           8453,  1000,   h0,   40,          DOWN,     HEAD_STALLED
          slow production not yet stalled,   20,           8453,  1003,   h3,   2,           DEGRADED, SLOW_BLOCK_PRODUCTION
          exactly the op-conductor minimum,  20,           8453,  1009,   h9,   2,           HEALTHY,
          wrong chain behind the URL,        10,           1,     1005,   h5,   1,           DOWN,     WRONG_CHAIN
          head moved backwards,              10,           8453,  990,    hx,   1,           DEGRADED, HEAD_WENT_BACKWARDS
          same height new hash,              1,            8453,  1000,   hz,   1,           DEGRADED, REORG
          block stamped in the future,       10,           8453,  1005,   h5,   -60,         DEGRADED, TIMESTAMP_IN_FUTURE
          """)
  void singleProviderIsJudged(
      String name,
      long secondsLater,
      String chainId,
      long height,
      String hash,
      long blockAgeSeconds,
      HealthStatus status,
      String finding) {
    EvmSnapshot previous = snapshot(T0, "8453", 1000, "h0", T0);
    Instant now = T0.plusSeconds(secondsLater);
    EvmSnapshot current = snapshot(now, chainId, height, hash, now.minusSeconds(blockAgeSeconds));

    ChainVerdict verdict = evaluator.evaluate(current, previous, BASE);

    assertThat(verdict.status()).isEqualTo(status);
    if (finding == null) {
      assertThat(verdict.findings()).isEmpty();
    } else {
      assertThat(verdict.findings()).extracting(Finding::code).contains(finding);
    }
  }

  @Test
  void headAgeAndProgressAreReportedAsFigures() {
    EvmSnapshot previous = snapshot(T0, "8453", 1000, "h0", T0);
    EvmSnapshot current =
        snapshot(T0.plusSeconds(10), "8453", 1005, "h5", T0.plusSeconds(10).minusMillis(1500));
    ChainVerdict verdict = evaluator.evaluate(current, previous, BASE);
    assertThat(verdict.headAgeSeconds()).isEqualTo(1.5);
    assertThat(verdict.blocksSincePrevious()).isEqualTo(5);
  }

  @Test
  void futureTimestampNeverGivesANegativeHeadAge() {
    EvmSnapshot current = snapshot(T0, "8453", 1000, "h0", T0.plusSeconds(120));
    assertThat(evaluator.evaluate(current, null, BASE).headAgeSeconds()).isZero();
  }

  @Test
  void providerThatAnswersNothingIsDownWithTypedReasons() {
    EvmSnapshot current =
        new EvmSnapshot(
            T0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new EvmSnapshot.ProbeError("eth_blockNumber", ProbeFailure.TIMEOUT, "5 s"),
                new EvmSnapshot.ProbeError(
                    "eth_chainId", ProbeFailure.MALFORMED_RESPONSE, "not JSON")));
    ChainVerdict verdict = evaluator.evaluate(current, null, BASE);
    assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(verdict.findings())
        .extracting(Finding::code)
        .containsExactly("RPC_FAILED", "RPC_FAILED", "PROVIDER_DOWN");
    assertThat(verdict.findings().get(0).evidence()).containsEntry("failure", "TIMEOUT");
  }

  @Test
  void lagsSyncingPeersAndLatencyAreFlagged() {
    Instant blockTime = T0.minusSeconds(1);
    EvmSnapshot current =
        new EvmSnapshot(
            T0,
            "8453",
            new BlockRef(100_000, "a", blockTime),
            new BlockRef(99_000, "s", blockTime.minusSeconds(2_000)),
            new BlockRef(90_000, "f", blockTime.minus(Duration.ofHours(5))),
            true,
            0,
            4_000.0,
            List.of());
    ChainVerdict verdict = evaluator.evaluate(current, null, BASE);
    assertThat(verdict.findings())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder("SAFE_LAG", "FINALIZED_LAG", "SYNCING", "NO_PEERS", "SLOW_RPC");
    assertThat(verdict.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(verdict.safeLagBlocks()).isEqualTo(1_000);
    assertThat(verdict.finalizedLagBlocks()).isEqualTo(10_000);
    assertThat(verdict.finalizedLagSeconds()).isEqualTo(5 * 3600.0);
  }

  @ParameterizedTest(name = "block time {0}s")
  @CsvSource({"2, 30, 300", "12, 36, 64", "0.4, 30, 1500"})
  void thresholdsDefaultFromTheBlockTime(double blockSeconds, long headAge, long safeLag) {
    ChainExpectations e =
        ChainExpectations.forBlockTime("1", Duration.ofMillis(Math.round(blockSeconds * 1000)));
    assertThat(e.maxHeadAge()).isEqualTo(Duration.ofSeconds(headAge));
    assertThat(e.maxSafeLagBlocks()).isEqualTo(safeLag);
  }
}
