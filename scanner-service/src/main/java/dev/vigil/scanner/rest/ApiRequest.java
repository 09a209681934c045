package dev.vigil.scanner.rest;

import dev.vigil.scanner.chain.ApiRegistry.ApiInput;
import dev.vigil.scanner.domain.chain.ApiCheck;
import dev.vigil.scanner.domain.chain.ApiSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/apis} and {@code PUT /api/v1/apis/{id}}.
 *
 * @param chainId the chain the API belongs to, if any; it must exist
 * @param method {@code GET} (default), {@code POST} or {@code HEAD}
 * @param expectedStatus default 200
 * @param url on a PUT, omit it to keep the stored one
 * @param headers on a PUT, omit them to keep the stored ones; values may be secret references
 */
public record ApiRequest(
    String id,
    String name,
    String chainId,
    String url,
    String method,
    String body,
    Map<String, String> headers,
    Integer expectedStatus,
    String jsonPath,
    String expectedValue,
    Long maxLatencyMillis,
    Long intervalSeconds,
    Long timeoutMillis,
    Map<String, String> labels) {

  ApiInput toInput() {
    return new ApiInput(
        new ApiSpec(
            id,
            name,
            chainId,
            url,
            new ApiCheck(
                method == null ? "GET" : method.trim().toUpperCase(Locale.ROOT),
                body,
                headers,
                expectedStatus == null ? 200 : expectedStatus,
                jsonPath,
                expectedValue,
                maxLatencyMillis == null ? null : Duration.ofMillis(maxLatencyMillis)),
            intervalSeconds == null ? null : Duration.ofSeconds(intervalSeconds),
            timeoutMillis == null ? null : Duration.ofMillis(timeoutMillis),
            labels),
        url != null,
        headers != null);
  }

  @Override
  public String toString() {
    return "ApiRequest[" + id + "]";
  }
}
