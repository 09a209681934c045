package dev.vigil.scanner.domain.chain;

import java.time.Instant;

/**
 * The parts of an OP Stack rollup node's {@code optimism_syncStatus} answer that Vigil judges.
 *
 * @param observedAt when the probe finished
 * @param unsafeL2 {@code unsafe_l2}: the sequencer's latest block (the head that stopped at Base)
 * @param safeL2 {@code safe_l2}: derived from L1 data
 * @param finalizedL2 {@code finalized_l2}
 * @param headL1 {@code head_l1}: the L1 head the node sees
 * @param currentL1 {@code current_l1}: the L1 block derivation has reached
 */
public record OpSyncStatus(
    Instant observedAt,
    BlockRef unsafeL2,
    BlockRef safeL2,
    BlockRef finalizedL2,
    BlockRef headL1,
    BlockRef currentL1) {}
