package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Threshold overrides of a chain or of one of its providers. Every field is optional: an absent one
 * falls back to the chain's override, then to the default derived from the block time.
 *
 * @param maxHeadAgeSeconds the head may be this old before it counts as stalled
 * @param maxLagBehindBestBlocks how many blocks a provider may trail the best provider
 * @param maxLatencyMillis a slower probe is degraded
 * @param maxSafeLagBlocks how far {@code safe} may trail {@code latest}
 * @param maxFinalizedLagSeconds how long {@code finalized} may trail {@code latest}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeThresholds(
    Long maxHeadAgeSeconds,
    Long maxLagBehindBestBlocks,
    Long maxLatencyMillis,
    Long maxSafeLagBlocks,
    Long maxFinalizedLagSeconds) {}
