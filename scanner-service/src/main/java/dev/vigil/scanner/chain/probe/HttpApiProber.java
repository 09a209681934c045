package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.scanner.domain.chain.ApiCheck;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ObservationKeys;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain HTTP API, e.g. Hyperliquid's {@code POST /info}: sends the {@link ApiCheck}'s request and
 * records status, latency and the value at its JSON path (see {@link JsonPaths}) for {@code
 * ObservationEvaluator} to judge. Any status is an answer; only a missing answer is an error.
 */
public final class HttpApiProber implements ProviderProber {

  private static final int MAX_VALUE_CHARS = 200;

  private final ProbeHttpClient http;
  private final ObjectMapper json;
  private final Clock clock;

  public HttpApiProber(ProbeHttpClient http, ObjectMapper json, Clock clock) {
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.HTTP;
  }

  @Override
  public ProviderObservation probe(ProbeRequest request) {
    ObservationBuilder o = new ObservationBuilder(ChainFamily.HTTP);
    try {
      ApiCheck check =
          request.apiCheck() != null
              ? request.apiCheck()
              : new ApiCheck("GET", null, Map.of(), 200, null, null, null);
      Map<String, String> headers = new HashMap<>(request.headers());
      headers.putAll(check.headers());
      byte[] body = check.body() == null ? null : check.body().getBytes(StandardCharsets.UTF_8);
      if (body != null
          && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
        headers.put("Content-Type", "application/json");
      }
      long deadline = System.nanoTime() + request.timeout().toNanos();
      String method = check.method() == null ? "GET" : check.method().toUpperCase(Locale.ROOT);
      HttpOutcome outcome = http.send(method, request.url(), headers, body, deadline);
      o.latencyMillis = outcome.latencyMillis();
      if (outcome.failed()) {
        o.error("http", outcome.failure(), outcome.detail());
      } else {
        o.httpStatus = outcome.status();
        if (check.jsonPath() != null) {
          lookUp(check.jsonPath(), outcome.body(), o);
        }
      }
    } catch (RuntimeException e) {
      o.error("probe", ProbeFailure.MALFORMED_RESPONSE, e.getClass().getSimpleName());
    }
    return o.build(clock.instant());
  }

  private void lookUp(String path, byte[] body, ObservationBuilder o) {
    JsonPointer pointer;
    try {
      pointer = JsonPaths.toPointer(path);
    } catch (IllegalArgumentException e) {
      notFound(o, "path not understood: " + e.getMessage());
      return;
    }
    JsonNode root;
    try {
      root = body.length == 0 ? null : json.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null) {
      notFound(o, "answer is not JSON");
      return;
    }
    JsonNode value = root.at(pointer);
    if (value.isMissingNode()) {
      notFound(o, "path not in the answer");
      return;
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    if (text.length() > MAX_VALUE_CHARS) {
      text = text.substring(0, MAX_VALUE_CHARS) + "...";
    }
    o.evidence.put(ObservationKeys.JSON_PATH_FOUND, "true");
    o.evidence.put(ObservationKeys.JSON_PATH_VALUE, text);
  }

  private static void notFound(ObservationBuilder o, String problem) {
    o.evidence.put(ObservationKeys.JSON_PATH_FOUND, "false");
    o.evidence.put(ObservationKeys.JSON_PATH_PROBLEM, problem);
  }
}
