package dev.vigil.scanner.domain.chain;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An HTTP API to probe, e.g. an exchange's {@code POST /info}, alone or as part of a chain.
 *
 * @param id stable id
 * @param name human name
 * @param chainId the chain it belongs to, or {@code null}
 * @param url the endpoint; never logged, published or echoed
 * @param check what to send and what a healthy answer is; its headers may be secret references
 * @param interval probe interval, or {@code null} for the scanner's default
 * @param timeout deadline of one probe, or {@code null} for the scanner's default
 * @param labels carried into every observation
 */
public record ApiSpec(
    String id,
    String name,
    String chainId,
    String url,
    ApiCheck check,
    Duration interval,
    Duration timeout,
    Map<String, String> labels) {

  private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD");
  private static final int MAX_BODY = 65_536;

  public ApiSpec {
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  public List<FieldViolation> violations(AddressPolicy policy) {
    List<FieldViolation> out = new ArrayList<>();
    DefinitionRules.id(id, "id", out);
    DefinitionRules.name(name, "name", out);
    if (chainId != null) {
      DefinitionRules.id(chainId, "chainId", out);
    }
    DefinitionRules.url(url, policy, out);
    if (check == null) {
      out.add(new FieldViolation("method", "must not be null"));
    } else {
      checkViolations(check, out);
    }
    ProviderSpec.timing(interval, timeout, out);
    DefinitionRules.labels(labels, out);
    return out;
  }

  private static void checkViolations(ApiCheck check, List<FieldViolation> out) {
    if (check.method() == null || !METHODS.contains(check.method())) {
      out.add(new FieldViolation("method", "must be one of GET, POST, HEAD"));
    }
    if (check.body() != null && !"POST".equals(check.method())) {
      out.add(new FieldViolation("body", "only a POST has a body"));
    } else if (check.body() != null && check.body().length() > MAX_BODY) {
      out.add(new FieldViolation("body", "at most " + MAX_BODY + " characters"));
    }
    DefinitionRules.headers(check.headers(), out);
    if (check.expectedStatus() < 100 || check.expectedStatus() > 599) {
      out.add(new FieldViolation("expectedStatus", "must be between 100 and 599"));
    }
    if (check.jsonPath() != null && !check.jsonPath().startsWith("$")) {
      out.add(new FieldViolation("jsonPath", "must start with $"));
    }
    if (check.expectedValue() != null && check.jsonPath() == null) {
      out.add(new FieldViolation("expectedValue", "needs a jsonPath"));
    }
    if (check.maxLatency() != null
        && (check.maxLatency().isNegative() || check.maxLatency().isZero())) {
      out.add(new FieldViolation("maxLatencyMillis", "must be positive"));
    }
  }

  /** Never prints the URL, body or header values. */
  @Override
  public String toString() {
    return "ApiSpec[" + id + "]";
  }
}
