package dev.vigil.scanner.peers;

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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;

/**
 * A minimal EVM JSON-RPC node on loopback: {@code eth_chainId}, {@code eth_getBlockByNumber}
 * (latest, safe, finalized, or a number), {@code eth_blockNumber}, {@code eth_syncing} and {@code
 * net_peerCount}, single or batched. Its head advances one block per block time in real time, until
 * {@link #stall()} freezes it; {@link #lagBy} serves a head that many blocks behind.
 */
public final class EvmRpcPeer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String chainIdHex;
  private final Duration blockTime;
  private final Instant genesis;
  private final String hashSeed;
  private volatile Long stalledAt;
  private volatile long lag;

  private EvmRpcPeer(long chainId, Duration blockTime, Instant genesis, String hashSeed)
      throws IOException {
    this.chainIdHex = "0x" + Long.toHexString(chainId);
    this.blockTime = blockTime;
    this.genesis = genesis;
    this.hashSeed = hashSeed;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * A node of chain {@code chainId} whose head was at height 1000 a block ago and advances every
   * {@code blockTime}. Peers given the same {@code genesis} agree on heights (and, with the same
   * {@code hashSeed}, on hashes).
   */
  public static EvmRpcPeer start(long chainId, Duration blockTime, Instant genesis) {
    return start(chainId, blockTime, genesis, "main");
  }

  public static EvmRpcPeer start(
      long chainId, Duration blockTime, Instant genesis, String hashSeed) {
    try {
      return new EvmRpcPeer(chainId, blockTime, genesis, hashSeed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc";
  }

  /** The head stops advancing (the sequencer stopped); the RPC keeps answering. */
  public long stall() {
    long head = liveHead();
    stalledAt = head;
    return head;
  }

  /** Serve a head {@code blocks} behind the live one. */
  public void lagBy(long blocks) {
    this.lag = blocks;
  }

  /** Block time stamp of {@code height}, whole seconds as on chain. */
  public Instant timestampOf(long height) {
    return Instant.ofEpochSecond(
        genesis.plus(blockTime.multipliedBy(height - 1000)).getEpochSecond());
  }

  public long head() {
    Long stalled = stalledAt;
    return (stalled != null ? stalled : liveHead()) - lag;
  }

  private long liveHead() {
    long elapsed = Duration.between(genesis, Instant.now()).toMillis();
    return 1000 + Math.max(0, elapsed / blockTime.toMillis());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      JsonNode answer;
      if (request.isArray()) {
        ArrayNode batch = JSON.createArrayNode();
        request.forEach(r -> batch.add(answer(r)));
        answer = batch;
      } else {
        answer = answer(request);
      }
      byte[] body = JSON.writeValueAsBytes(answer);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private ObjectNode answer(JsonNode request) {
    ObjectNode response = JSON.createObjectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", request.get("id"));
    String method = request.path("method").asText();
    long head = head();
    switch (method) {
      case "eth_chainId" -> response.put("result", chainIdHex);
      case "eth_blockNumber" -> response.put("result", hex(head));
      case "eth_syncing" -> response.put("result", false);
      case "net_peerCount" -> response.put("result", "0x19");
      case "eth_getBlockByNumber" -> {
        String tag = request.path("params").path(0).asText();
        long height =
            switch (tag) {
              case "latest", "pending" -> head;
              case "safe" -> head - 10;
              case "finalized" -> head - 40;
              default -> Long.decode(tag);
            };
        response.set("result", block(height));
      }
      default -> {
        ObjectNode error = response.putObject("error");
        error.put("code", -32601);
        error.put("message", "the method " + method + " does not exist");
      }
    }
    return response;
  }

  private ObjectNode block(long height) {
    ObjectNode block = JSON.createObjectNode();
    block.put("number", hex(height));
    block.put("hash", hash(height));
    block.put("parentHash", hash(height - 1));
    block.put("timestamp", hex(timestampOf(height).getEpochSecond()));
    return block;
  }

  private String hash(long height) {
    String hex = Integer.toHexString((hashSeed + ":" + height).hashCode());
    return "0x" + "0".repeat(64 - hex.length()) + hex;
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
