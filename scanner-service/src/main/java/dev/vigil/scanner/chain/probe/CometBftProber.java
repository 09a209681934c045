package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.scanner.chain.probe.Quantities.Malformed;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * CometBFT / Tendermint RPC: {@code GET <url>/status}. Tendermint wraps the answer in a JSON-RPC
 * envelope ({@code {"jsonrpc","id","result":{...}}}); some CometBFT gateways return the bare
 * result. Both are read. Heights are decimal strings, times RFC 3339 with nanoseconds; {@code
 * node_info.network} is the chain id ({@code cosmoshub-4}).
 */
public final class CometBftProber implements ProviderProber {

  private final ProbeHttpClient http;
  private final ObjectMapper json;
  private final Clock clock;

  public CometBftProber(ProbeHttpClient http, ObjectMapper json, Clock clock) {
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.COSMOS;
  }

  @Override
  public ProviderObservation probe(ProbeRequest request) {
    ObservationBuilder o = new ObservationBuilder(ChainFamily.COSMOS);
    try {
      long deadline = System.nanoTime() + request.timeout().toNanos();
      HttpOutcome outcome =
          http.send("GET", subPath(request.url(), "status"), headers(request), null, deadline);
      o.latencyMillis = outcome.latencyMillis();
      if (outcome.failed()) {
        o.error("http", outcome.failure(), outcome.detail());
      } else {
        o.httpStatus = outcome.status();
        read(outcome, o);
      }
    } catch (RuntimeException e) {
      o.error("probe", ProbeFailure.MALFORMED_RESPONSE, e.getClass().getSimpleName());
    }
    return o.build(clock.instant());
  }

  /** The request's own headers (they may carry an API key) and an Accept header. */
  private static Map<String, String> headers(ProbeRequest request) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.putIfAbsent("Accept", "application/json");
    return headers;
  }

  private void read(HttpOutcome outcome, ObservationBuilder o) {
    JsonNode root;
    try {
      root = outcome.body().length == 0 ? null : json.readTree(outcome.body());
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      o.error(
          "status",
          outcome.status() == 200 ? ProbeFailure.MALFORMED_RESPONSE : ProbeFailure.HTTP_STATUS,
          outcome.status() == 200 ? "answer is not a JSON object" : "HTTP " + outcome.status());
      return;
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      String message =
          JsonRpcClient.bounded(
              error.path("message").asText("") + " " + error.path("data").asText(""));
      o.error(
          "status", ProbeFailure.RPC_ERROR, error.path("code").asLong(0) + ": " + message.trim());
      return;
    }
    JsonNode result = root.has("result") ? root.get("result") : root;
    try {
      JsonNode sync = result.get("sync_info");
      if (sync == null || !sync.isObject()) {
        throw new Malformed("sync_info is missing");
      }
      long height = Quantities.decimal(sync.get("latest_block_height"), "latest_block_height");
      String hash = Quantities.text(sync.get("latest_block_hash"), "latest_block_hash");
      o.latest =
          new BlockRef(
              height, hash, Quantities.rfc3339(sync.get("latest_block_time"), "latest_block_time"));
      JsonNode catchingUp = sync.get("catching_up");
      if (catchingUp != null && catchingUp.isBoolean()) {
        o.syncing = catchingUp.asBoolean();
      }
      JsonNode network = result.path("node_info").get("network");
      if (network != null && network.isTextual()) {
        o.reportedChainId = network.asText();
      }
    } catch (Malformed e) {
      o.error("status", ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
    }
  }

  /** {@code base} with {@code name} appended to its path; the query (an API key) is kept. */
  static URI subPath(URI base, String name) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    String joined = path.endsWith("/") ? path + name : path + "/" + name;
    return URI.create(
        base.getScheme()
            + "://"
            + base.getRawAuthority()
            + joined
            + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
  }
}
