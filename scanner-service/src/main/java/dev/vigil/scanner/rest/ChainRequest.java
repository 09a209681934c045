package dev.vigil.scanner.rest;

import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ThresholdOverrides;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/chains} and {@code PUT /api/v1/chains/{id}}. Unknown fields are
 * rejected.
 *
 * @param id e.g. {@code base-mainnet}; on a PUT it may be omitted, else it must match the path
 * @param family {@code EVM}, {@code OP_STACK}, {@code BITCOIN}, {@code SOLANA} or {@code COSMOS}
 */
public record ChainRequest(
    String id,
    String name,
    String family,
    String expectedChainId,
    Long blockTimeMillis,
    Map<String, String> labels,
    ThresholdOverrides thresholds) {

  ChainSpec toSpec(String pathId) {
    return new ChainSpec(
        pathId != null && id == null ? pathId : id,
        name,
        family(family),
        expectedChainId,
        blockTimeMillis == null ? null : Duration.ofMillis(blockTimeMillis),
        labels,
        thresholds);
  }

  /** An unknown family becomes {@code null}, which validation reports against {@code family}. */
  static ChainFamily family(String name) {
    if (name == null) {
      return null;
    }
    try {
      return ChainFamily.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
