package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The current definition of a chain and all its providers, on the compacted chain-targets topic
 * keyed by {@code chain:<chainId>}. One record holds the whole chain because fork detection and lag
 * behind the best provider need every provider of a chain on the same scanner replica, and a
 * compacted topic keeps only the latest record per key. Published by scanner-service's REST API and
 * by any other system; a later record replaces the chain, a tombstone removes it.
 *
 * @param chainId stable id of the chain, e.g. {@code base-mainnet}
 * @param name human name
 * @param family the chain's family: {@code EVM}, {@code OP_STACK}, {@code BITCOIN}, {@code SOLANA}
 *     or {@code COSMOS}
 * @param expectedChainId what a provider must report: EVM chain id (decimal), Bitcoin chain name,
 *     Solana genesis hash, Cosmos network
 * @param blockTimeMillis expected block time; thresholds default from it
 * @param labels carried into every observation of the chain's providers
 * @param thresholds overrides for every provider of the chain
 * @param providers the chain's providers (may be empty)
 * @param registeredAt when this definition was made
 * @param registeredBy who made it: a user name or a system's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainRegistered(
    String chainId,
    String name,
    String family,
    String expectedChainId,
    Long blockTimeMillis,
    Map<String, String> labels,
    ProbeThresholds thresholds,
    List<ProviderDefinition> providers,
    Instant registeredAt,
    String registeredBy) {

  public ChainRegistered {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    providers = providers == null ? List.of() : List.copyOf(providers);
  }
}
