package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One provider (an RPC node or a rollup node) of a chain, inside {@link ChainRegistered}.
 *
 * @param providerId stable id of the provider, unique across chains
 * @param name human name
 * @param family {@code EVM}, {@code OP_STACK}, {@code BITCOIN}, {@code SOLANA} or {@code COSMOS}
 * @param url the endpoint. It may carry an API key: it is never logged and never appears in an
 *     observation event. Prefer a key in a header given as a secret reference
 * @param headers request headers; a value {@code env:NAME} or {@code file:/path} is a reference
 *     read at probe time, anything else is sent as is
 * @param intervalSeconds probe interval; {@code null} means the scanner's default
 * @param timeoutMillis deadline of one probe; {@code null} means the scanner's default
 * @param thresholds overrides of the chain's thresholds for this provider
 * @param labels carried into every observation of this provider
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderDefinition(
    String providerId,
    String name,
    String family,
    String url,
    Map<String, String> headers,
    Long intervalSeconds,
    Long timeoutMillis,
    ProbeThresholds thresholds,
    Map<String, String> labels) {

  public ProviderDefinition {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Never prints the URL or header values: records end up in log lines. */
  @Override
  public String toString() {
    return "ProviderDefinition[" + providerId + ", " + family + "]";
  }
}
