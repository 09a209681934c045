package dev.vigil.scanner.domain.chain;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One provider of a chain: an RPC node or a rollup node.
 *
 * @param id stable id, unique across chains
 * @param chainId the chain it serves
 * @param name human name
 * @param family how it is spoken to; not {@code HTTP}
 * @param url the endpoint; may hold an API key, so it is never logged, published or echoed
 * @param headers request headers; a value may be a secret reference ({@code env:NAME}, {@code
 *     file:/path}) resolved at probe time. Never echoed
 * @param interval probe interval, or {@code null} for the scanner's default
 * @param timeout deadline of one probe, or {@code null} for the scanner's default
 * @param thresholds overrides of the chain's thresholds
 * @param labels carried into every observation
 */
public record ProviderSpec(
    String id,
    String chainId,
    String name,
    ChainFamily family,
    String url,
    Map<String, String> headers,
    Duration interval,
    Duration timeout,
    ThresholdOverrides thresholds,
    Map<String, String> labels) {

  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  public static final Duration MAX_INTERVAL = Duration.ofDays(1);
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

  public ProviderSpec {
    headers = headers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(headers));
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    thresholds = ThresholdOverrides.orNone(thresholds);
  }

  public List<FieldViolation> violations(AddressPolicy policy) {
    List<FieldViolation> out = new ArrayList<>();
    DefinitionRules.id(id, "id", out);
    DefinitionRules.name(name, "name", out);
    if (family == null || family == ChainFamily.HTTP) {
      out.add(
          new FieldViolation("family", "must be one of EVM, OP_STACK, BITCOIN, SOLANA, COSMOS"));
    }
    DefinitionRules.url(url, policy, out);
    DefinitionRules.headers(headers, out);
    timing(interval, timeout, out);
    thresholds.violations("thresholds.", out);
    DefinitionRules.labels(labels, out);
    return out;
  }

  /** The provider's thresholds: the chain's, then this provider's overrides. */
  public ChainExpectations expectations(ChainSpec chain) {
    return thresholds.applyTo(chain.expectations());
  }

  static void timing(Duration interval, Duration timeout, List<FieldViolation> out) {
    DefinitionRules.duration(interval, MIN_INTERVAL, MAX_INTERVAL, "intervalSeconds", "s", out);
    DefinitionRules.duration(timeout, MIN_TIMEOUT, MAX_TIMEOUT, "timeoutMillis", "ms", out);
    if (interval != null && timeout != null && timeout.compareTo(interval) > 0) {
      // One probe at a time per provider: a longer deadline would stretch the poll interval.
      out.add(new FieldViolation("timeoutMillis", "must not exceed the interval"));
    }
  }

  /** Never prints the URL or header values. */
  @Override
  public String toString() {
    return "ProviderSpec[" + id + " of " + chainId + ", " + family + "]";
  }
}
