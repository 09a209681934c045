package dev.vigil.scanner.domain.chain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The raw figures of one probe of one provider, whatever its family. Parts a family does not have,
 * or that the provider failed to answer, are {@code null}; {@code errors} says why.
 *
 * @param observedAt when the probe finished
 * @param family the provider's family
 * @param reportedChainId chain id (EVM, decimal), chain name (Bitcoin: {@code main}), genesis or
 *     network (Solana, Cosmos) as the provider reports it
 * @param latest the head: latest block, slot or height
 * @param safe {@code safe} block (EVM, OP Stack safe L2), if any
 * @param finalized {@code finalized} block, if any
 * @param syncing the node says it is syncing or catching up
 * @param peerCount number of peers, if reported
 * @param latencyMillis slowest round trip of the probe
 * @param httpStatus HTTP status of the (last) answer
 * @param rollup OP Stack only: the {@code optimism_syncStatus} answer
 * @param errors typed failures of individual calls
 * @param evidence family-specific extras, e.g. Solana {@code health}, the value found at an API's
 *     JSON path
 */
public record ProviderObservation(
    Instant observedAt,
    ChainFamily family,
    String reportedChainId,
    BlockRef latest,
    BlockRef safe,
    BlockRef finalized,
    Boolean syncing,
    Integer peerCount,
    Double latencyMillis,
    Integer httpStatus,
    OpSyncStatus rollup,
    List<EvmSnapshot.ProbeError> errors,
    Map<String, String> evidence) {

  public ProviderObservation {
    errors = errors == null ? List.of() : List.copyOf(errors);
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
  }

  /** The EVM view of this observation, for the block-production checks every family shares. */
  public EvmSnapshot asEvmSnapshot() {
    return new EvmSnapshot(
        observedAt,
        reportedChainId,
        latest,
        safe,
        finalized,
        syncing,
        peerCount,
        latencyMillis,
        errors);
  }
}
