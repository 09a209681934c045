package dev.vigil.scanner.domain.chain;

import java.time.Duration;
import java.util.Map;

/**
 * What a plain HTTP API probe sends and expects (family {@code HTTP}), e.g. Hyperliquid's {@code
 * POST /info}.
 *
 * @param method HTTP method, e.g. {@code GET} or {@code POST}
 * @param body request body, or {@code null}
 * @param headers request headers (values may be secret: never logged, never published)
 * @param expectedStatus the status a healthy API answers
 * @param jsonPath a JSON path into the answer that must exist, or {@code null} for none
 * @param expectedValue the value found at {@code jsonPath} must equal this, or {@code null} for any
 * @param maxLatency a slower answer is degraded
 */
public record ApiCheck(
    String method,
    String body,
    Map<String, String> headers,
    int expectedStatus,
    String jsonPath,
    String expectedValue,
    Duration maxLatency) {

  public ApiCheck {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
