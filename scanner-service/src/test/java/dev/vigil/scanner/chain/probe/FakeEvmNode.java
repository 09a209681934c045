package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/** Answers the EVM prober's calls from a few settable figures, the way geth or reth shape them. */
final class FakeEvmNode implements Function<JsonNode, ObjectNode> {

  volatile long chainId = 1;
  volatile long height = 1000;
  volatile long timestamp;
  volatile String hashSalt = "a";

  FakeEvmNode(long timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public ObjectNode apply(JsonNode call) {
    return switch (call.path("method").asText()) {
      case "eth_chainId" -> ChainPeer.result(call, quoted(hex(chainId)));
      case "eth_blockNumber" -> ChainPeer.result(call, quoted(hex(height)));
      case "eth_getBlockByNumber" ->
          ChainPeer.result(call, block(call.path("params").get(0).asText()));
      case "eth_syncing" -> ChainPeer.result(call, "false");
      case "net_peerCount" -> ChainPeer.result(call, quoted("0x19"));
      default -> ChainPeer.error(call, -32601, "the method does not exist/is not available");
    };
  }

  private String block(String tag) {
    long behind =
        switch (tag) {
          case "safe" -> 32;
          case "finalized" -> 64;
          default -> 0;
        };
    long number = height - behind;
    long time = timestamp - behind * 12;
    return "{\"number\":\""
        + hex(number)
        + "\",\"hash\":\"0x"
        + hashSalt.repeat(2)
        + Long.toHexString(number)
        + "\",\"parentHash\":\"0x00\",\"timestamp\":\""
        + hex(time)
        + "\",\"transactions\":[]}";
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }
}
