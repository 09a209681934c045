package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A small HTTP peer on loopback (JDK {@code HttpServer}) for probe tests: JSON-RPC nodes answering
 * per method, documented-shape nodes, and hostile ones (garbage, huge, endless, hanging).
 */
final class ChainPeer implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** What one request was: method, path with query, headers, body. */
  record Seen(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {}

  /** Answers one exchange; may stream, stall, or break the connection. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange, String body) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  final CountDownLatch closing = new CountDownLatch(1);
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  private ChainPeer(Handler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(workers);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(
                new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            handler.handle(exchange, body);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException e) {
            // the client went away (cap reached, deadline): expected for hostile peers
          }
        });
    server.start();
  }

  static ChainPeer start(Handler handler) {
    return new ChainPeer(handler);
  }

  /** Answers every request with {@code status} and {@code body}. */
  static ChainPeer fixed(int status, String body) {
    return start((exchange, request) -> send(exchange, status, body));
  }

  /**
   * A JSON-RPC node: each call object (single or in a batch) is answered by {@code node}, which
   * returns the whole reply object (use {@link #result} and {@link #error}).
   */
  static ChainPeer jsonRpc(Function<JsonNode, ObjectNode> node) {
    return start(
        (exchange, body) -> {
          JsonNode request = JSON.readTree(body);
          if (request.isArray()) {
            ArrayNode replies = JSON.createArrayNode();
            request.forEach(call -> replies.add(node.apply(call)));
            send(exchange, 200, replies.toString());
          } else {
            send(exchange, 200, node.apply(request).toString());
          }
        });
  }

  /** A JSON-RPC node answering by method name from a table of results (JSON text). */
  static ChainPeer jsonRpc(Map<String, String> resultsByMethod) {
    return jsonRpc(
        call -> {
          String method = call.path("method").asText();
          String result = resultsByMethod.get(method);
          return result == null
              ? error(call, -32601, "the method " + method + " does not exist/is not available")
              : result(call, result);
        });
  }

  static ObjectNode result(JsonNode call, String resultJson) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", call.get("id"));
    try {
      reply.set("result", JSON.readTree(resultJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reply;
  }

  static ObjectNode error(JsonNode call, long code, String message) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", call.get("id"));
    ObjectNode error = reply.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return reply;
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  /**
   * Streams chunks (chunked encoding, no length) until the client hangs up or the peer closes,
   * waiting {@code pauseMillis} between chunks: a huge endless body, or a slow drip.
   */
  static ChainPeer endless(int chunkBytes, long pauseMillis) {
    ChainPeer[] self = new ChainPeer[1];
    self[0] =
        start(
            (exchange, body) -> {
              exchange.sendResponseHeaders(200, 0);
              byte[] chunk = "[".repeat(chunkBytes).getBytes(StandardCharsets.US_ASCII);
              OutputStream out = exchange.getResponseBody();
              while (true) {
                out.write(chunk); // throws once the client has hung up
                out.flush();
                if (pauseMillis > 0 && self[0].closing.await(pauseMillis, TimeUnit.MILLISECONDS)) {
                  return;
                }
              }
            });
    return self[0];
  }

  /** Accepts the request and never answers until the peer is closed. */
  static ChainPeer hanging() {
    ChainPeer[] self = new ChainPeer[1];
    self[0] = start((exchange, body) -> self[0].closing.await(60, TimeUnit.SECONDS));
    return self[0];
  }

  /** Answers like {@code inner}, but only after {@code millis}. */
  static ChainPeer delayed(long millis, int status, String body) {
    ChainPeer[] self = new ChainPeer[1];
    self[0] =
        start(
            (exchange, request) -> {
              self[0].closing.await(millis, TimeUnit.MILLISECONDS);
              send(exchange, status, body);
            });
    return self[0];
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    workers.shutdownNow();
  }
}
