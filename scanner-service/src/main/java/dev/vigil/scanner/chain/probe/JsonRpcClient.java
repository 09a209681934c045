package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.scanner.domain.chain.EvmSnapshot.ProbeError;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-RPC over {@link ProbeHttpClient}: the calls of one probe go out as one batch; a node or
 * proxy that refuses batches (an error object instead of an array, or an HTTP error) gets them as
 * parallel single calls, and is remembered for a while so later probes skip the failing batch.
 * Speaks 2.0 and Bitcoin Core's 1.0 (no {@code jsonrpc} member, errors with HTTP 500).
 */
public final class JsonRpcClient {

  /** One call: method and positional params. */
  public record Call(String method, List<?> params) {
    public static Call of(String method, Object... params) {
      return new Call(method, List.of(params));
    }
  }

  /** A JSON-RPC error object: code, message (bounded) and data. */
  public record RpcError(long code, String message, JsonNode data) {
    String describe() {
      return code + ": " + message;
    }
  }

  /** The answer to one call: a result (possibly JSON null), an error object, or a typed failure. */
  public record Reply(JsonNode result, RpcError rpcError, ProbeFailure failure, String detail) {
    public boolean ok() {
      return failure == null;
    }

    public ProbeError toError(String method) {
      return new ProbeError(method, failure, detail);
    }

    static Reply failed(ProbeFailure failure, String detail) {
      return new Reply(null, null, failure, detail);
    }
  }

  /**
   * What a batch came to: one reply per call, in call order, the slowest round trip and the HTTP
   * status of the (last) answer; {@code transport} is set when nothing usable came back at all.
   */
  public record Result(
      List<Reply> replies, double latencyMillis, Integer httpStatus, ProbeError transport) {}

  private static final long NO_BATCH_MEMORY_NANOS = 10L * 60 * 1_000_000_000L;

  private final ProbeHttpClient http;
  private final ObjectMapper json;
  private static final int MAX_CACHED_BATCHES = 64;

  private final Map<String, Long> noBatchUntil = new ConcurrentHashMap<>();

  /*
   * Probers ask the same constant list of calls on every probe, so its serialised batch is kept,
   * keyed by the list itself (identity: an equal list built anew is serialised again). Bounded,
   * so a caller building a new list per probe costs a serialisation, never memory.
   */
  private final Map<Object, byte[]> batchBytes = new ConcurrentHashMap<>();

  public JsonRpcClient(ProbeHttpClient http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  public ObjectMapper json() {
    return json;
  }

  /** Sends {@code calls} to the request's URL, ending by {@code deadlineNanos}. */
  public Result call(ProbeRequest request, List<Call> calls, long deadlineNanos) {
    Long until = noBatchUntil.get(request.providerId());
    boolean batch = calls.size() > 1 && (until == null || until - System.nanoTime() < 0);
    if (batch) {
      Result result = batch(request, calls, deadlineNanos);
      if (result != null) {
        return result;
      }
      Result singles = singles(request, calls, deadlineNanos);
      if (singles.replies().stream().anyMatch(Reply::ok)) {
        // Single calls work where the batch did not: skip batches for a while. A node that is
        // simply broken (every call fails) keeps being asked with one batch.
        noBatchUntil.put(request.providerId(), System.nanoTime() + NO_BATCH_MEMORY_NANOS);
      }
      return singles;
    }
    return singles(request, calls, deadlineNanos);
  }

  /** The batch's result, or {@code null} when the peer refused the batch as such. */
  private Result batch(ProbeRequest request, List<Call> calls, long deadlineNanos) {
    HttpOutcome outcome =
        http.send("POST", request.url(), headers(request), batchBody(calls), deadlineNanos);
    if (outcome.failed()) {
      return transportFailure(calls, outcome);
    }
    JsonNode tree = parse(outcome.body());
    if (tree != null && tree.isArray()) {
      Map<Long, JsonNode> byId = new HashMap<>();
      for (JsonNode element : tree) {
        if (element.isObject() && element.path("id").canConvertToLong()) {
          byId.put(element.get("id").asLong(), element);
        }
      }
      List<Reply> replies = new ArrayList<>();
      for (int i = 0; i < calls.size(); i++) {
        JsonNode element = byId.get((long) i + 1);
        replies.add(
            element == null
                ? Reply.failed(ProbeFailure.MALFORMED_RESPONSE, "no reply with this id in batch")
                : reply(element, outcome.status()));
      }
      return new Result(replies, outcome.latencyMillis(), outcome.status(), null);
    }
    boolean refusedBatch =
        (tree != null && tree.isObject() && tree.hasNonNull("error"))
            || (outcome.status() >= 400 && tree == null);
    if (refusedBatch) {
      return null;
    }
    ProbeError error =
        new ProbeError(
            "batch",
            outcome.status() == 200 ? ProbeFailure.MALFORMED_RESPONSE : ProbeFailure.HTTP_STATUS,
            outcome.status() == 200
                ? "answer is not a JSON-RPC batch reply"
                : "HTTP " + outcome.status());
    return failedAll(calls, error, outcome);
  }

  private byte[] batchBody(List<Call> calls) {
    IdentityKey key = new IdentityKey(calls);
    byte[] cached = batchBytes.get(key);
    if (cached != null) {
      return cached;
    }
    ArrayNode body = json.createArrayNode();
    for (int i = 0; i < calls.size(); i++) {
      body.add(envelope(calls.get(i), i + 1));
    }
    byte[] bytes = bytes(body);
    if (batchBytes.size() < MAX_CACHED_BATCHES) {
      batchBytes.put(key, bytes);
    }
    return bytes;
  }

  /** A map key equal only to itself's referent (the same list object). */
  private record IdentityKey(Object referent) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.referent == referent;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(referent);
    }
  }

  private Result singles(ProbeRequest request, List<Call> calls, long deadlineNanos) {
    List<ProbeHttpClient.Pending> pending = new ArrayList<>();
    for (Call call : calls) {
      pending.add(
          http.start(
              "POST", request.url(), headers(request), bytes(envelope(call, 1)), deadlineNanos));
    }
    List<Reply> replies = new ArrayList<>();
    double slowest = 0;
    Integer status = null;
    int transportFailures = 0;
    HttpOutcome lastFailure = null;
    for (ProbeHttpClient.Pending p : pending) {
      HttpOutcome outcome = http.await(p, deadlineNanos);
      slowest = Math.max(slowest, outcome.latencyMillis());
      if (outcome.failed()) {
        transportFailures++;
        lastFailure = outcome;
        replies.add(Reply.failed(outcome.failure(), outcome.detail()));
        continue;
      }
      status = outcome.status();
      JsonNode tree = parse(outcome.body());
      if (tree == null || !tree.isObject()) {
        replies.add(
            outcome.status() == 200 || tree != null
                ? Reply.failed(ProbeFailure.MALFORMED_RESPONSE, "answer is not JSON-RPC")
                : Reply.failed(ProbeFailure.HTTP_STATUS, "HTTP " + outcome.status()));
      } else {
        replies.add(reply(tree, outcome.status()));
      }
    }
    ProbeError transport =
        transportFailures == calls.size()
            ? new ProbeError("http", lastFailure.failure(), lastFailure.detail())
            : null;
    return new Result(replies, slowest, status, transport);
  }

  /** One reply object: an error object wins; otherwise {@code result} must be present. */
  private static Reply reply(JsonNode element, int status) {
    JsonNode error = element.get("error");
    if (error != null && !error.isNull()) {
      long code = error.path("code").asLong(0);
      String message = bounded(error.path("message").asText(error.toString()));
      return new Reply(
          null,
          new RpcError(code, message, error.get("data")),
          ProbeFailure.RPC_ERROR,
          code + ": " + message);
    }
    if (!element.has("result")) {
      return Reply.failed(
          status == 200 ? ProbeFailure.MALFORMED_RESPONSE : ProbeFailure.HTTP_STATUS,
          status == 200 ? "reply has neither result nor error" : "HTTP " + status);
    }
    return new Reply(element.get("result"), null, null, null);
  }

  private Result transportFailure(List<Call> calls, HttpOutcome outcome) {
    return failedAll(calls, new ProbeError("http", outcome.failure(), outcome.detail()), outcome);
  }

  private static Result failedAll(List<Call> calls, ProbeError error, HttpOutcome outcome) {
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      replies.add(Reply.failed(error.failure(), error.detail()));
    }
    return new Result(
        replies, outcome.latencyMillis(), outcome.status() == 0 ? null : outcome.status(), error);
  }

  private ObjectNode envelope(Call call, int id) {
    ObjectNode node = json.createObjectNode();
    node.put("jsonrpc", "2.0");
    node.put("id", id);
    node.put("method", call.method());
    node.set("params", json.valueToTree(call.params()));
    return node;
  }

  static Map<String, String> headers(ProbeRequest request) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put("Content-Type", "application/json");
    headers.putIfAbsent("Accept", "application/json");
    return headers;
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /** The parsed body, or {@code null} when it is not JSON. */
  JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String bounded(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
