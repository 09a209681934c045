package dev.vigil.scanner.domain.chain;

import java.time.Instant;
import java.util.List;

/**
 * What one probe of an EVM JSON-RPC provider returned. Any part may be missing when the provider
 * failed to answer it; {@code errors} says why.
 *
 * @param observedAt when the probe finished
 * @param reportedChainId {@code eth_chainId}, decimal
 * @param latest the {@code latest} block
 * @param safe the {@code safe} block (post-merge L1 and OP Stack L2), if supported
 * @param finalized the {@code finalized} block, if supported
 * @param syncing {@code eth_syncing} is not false
 * @param peerCount {@code net_peerCount}
 * @param latencyMillis slowest RPC round trip of the probe
 * @param errors typed failures of individual calls
 */
public record EvmSnapshot(
    Instant observedAt,
    String reportedChainId,
    BlockRef latest,
    BlockRef safe,
    BlockRef finalized,
    Boolean syncing,
    Integer peerCount,
    Double latencyMillis,
    List<ProbeError> errors) {

  public EvmSnapshot {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One failed call: which method, and a typed reason. */
  public record ProbeError(String method, ProbeFailure failure, String detail) {}
}
