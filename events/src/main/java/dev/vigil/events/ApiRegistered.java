package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The current definition of an HTTP API to probe (e.g. an exchange's {@code POST /info}), on the
 * compacted chain-targets topic keyed by {@code api:<apiId>}. A later record replaces it, a
 * tombstone removes it.
 *
 * @param apiId stable id of the API
 * @param name human name
 * @param chainId the chain the API belongs to, if any (so "chain fine, API down" can be told)
 * @param url the endpoint; never logged, never in an observation event
 * @param method HTTP method, e.g. {@code GET} or {@code POST}
 * @param body request body
 * @param headers request headers; {@code env:NAME} / {@code file:/path} values are references
 * @param expectedStatus the status a healthy API answers
 * @param jsonPath a JSON path into the answer that must exist
 * @param expectedValue the value found at {@code jsonPath} must equal this
 * @param maxLatencyMillis a slower answer is degraded
 * @param intervalSeconds probe interval; {@code null} means the scanner's default
 * @param timeoutMillis deadline of one probe; {@code null} means the scanner's default
 * @param labels carried into every observation
 * @param registeredAt when this definition was made
 * @param registeredBy who made it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiRegistered(
    String apiId,
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
    Map<String, String> labels,
    Instant registeredAt,
    String registeredBy) {

  public ApiRegistered {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Never prints the URL, body or header values. */
  @Override
  public String toString() {
    return "ApiRegistered[" + apiId + "]";
  }
}
