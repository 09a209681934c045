package dev.vigil.scanner.domain.chain;

import java.time.Duration;

/**
 * What healthy looks like for one chain (or one provider of it). Thresholds default from the block
 * time, so a 2 s L2 and a 12 s L1 get sensible limits without configuration.
 *
 * @param expectedChainId the chain id the provider must report, decimal
 * @param blockTime the chain's expected block time
 * @param maxHeadAge the latest block may be this old before the head counts as stalled
 * @param maxSafeLagBlocks how far {@code safe} may trail {@code latest}
 * @param maxFinalizedLag how long {@code finalized} may trail {@code latest}, in block time
 * @param maxLatency a slower probe is degraded
 * @param maxLagBehindBest how many blocks a provider may trail the best provider of the chain
 */
public record ChainExpectations(
    String expectedChainId,
    Duration blockTime,
    Duration maxHeadAge,
    long maxSafeLagBlocks,
    Duration maxFinalizedLag,
    Duration maxLatency,
    long maxLagBehindBest) {

  /** Defaults from the block time: stalled after 3 missed blocks (at least 30 s), and so on. */
  public static ChainExpectations forBlockTime(String chainId, Duration blockTime) {
    Duration headAge = max(blockTime.multipliedBy(3), Duration.ofSeconds(30));
    long safeLag = Math.max(64, Duration.ofMinutes(10).dividedBy(blockTime));
    Duration finalizedLag = max(blockTime.multipliedBy(200), Duration.ofMinutes(30));
    return new ChainExpectations(
        chainId, blockTime, headAge, safeLag, finalizedLag, Duration.ofSeconds(2), 3);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
