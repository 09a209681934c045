package dev.vigil.scanner.chain;

import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ProviderSpec;

/**
 * One probe handed to a worker: a provider of a chain, or an API.
 *
 * @param key the schedule key ({@code p:<providerId>} or {@code a:<apiId>})
 * @param chain the provider's chain; {@code null} for an API
 * @param provider set for a provider probe
 * @param api set for an API probe
 * @param generation the definition's version in this replica; a result for an older one is dropped
 */
public record ProbeJob(
    String key, ChainSpec chain, ProviderSpec provider, ApiSpec api, long generation) {

  public boolean isApi() {
    return api != null;
  }

  public String probeId() {
    return isApi() ? api.id() : provider.id();
  }
}
