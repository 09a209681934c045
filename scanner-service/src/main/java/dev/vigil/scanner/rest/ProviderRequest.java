package dev.vigil.scanner.rest;

import dev.vigil.scanner.chain.ChainRegistry.ProviderInput;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import dev.vigil.scanner.domain.chain.ThresholdOverrides;
import java.time.Duration;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/chains/{id}/providers} and {@code PUT .../providers/{providerId}}.
 *
 * @param id optional on a POST (a UUID is chosen), must match the path on a PUT
 * @param url http(s) endpoint; on a PUT, omit it to keep the stored one (it is never shown)
 * @param headers on a PUT, omit them to keep the stored ones; {@code {}} removes them. Values may
 *     be secret references {@code env:NAME} or {@code file:/path}
 */
public record ProviderRequest(
    String id,
    String name,
    String family,
    String url,
    Map<String, String> headers,
    Long intervalSeconds,
    Long timeoutMillis,
    ThresholdOverrides thresholds,
    Map<String, String> labels) {

  ProviderInput toInput(String chainId) {
    return new ProviderInput(
        new ProviderSpec(
            id,
            chainId,
            name,
            ChainRequest.family(family),
            url,
            headers,
            intervalSeconds == null ? null : Duration.ofSeconds(intervalSeconds),
            timeoutMillis == null ? null : Duration.ofMillis(timeoutMillis),
            thresholds,
            labels),
        url != null,
        headers != null);
  }

  /** Never prints the URL or header values (request bodies can end up in logs). */
  @Override
  public String toString() {
    return "ProviderRequest[" + id + "]";
  }
}
