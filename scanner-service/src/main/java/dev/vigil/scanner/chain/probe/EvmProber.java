package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.scanner.chain.probe.JsonRpcClient.Call;
import dev.vigil.scanner.chain.probe.JsonRpcClient.Reply;
import dev.vigil.scanner.chain.probe.Quantities.Malformed;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.time.Clock;
import java.util.List;

/**
 * Ethereum JSON-RPC, any EVM chain: seven calls in one batch. {@code safe}, {@code finalized},
 * {@code eth_syncing} and {@code net_peerCount} are optional: many chains and hosted providers
 * answer them with an error every time, which is recorded as evidence ({@code <part>Unsupported})
 * rather than as a failed call, or the provider would be degraded for ever.
 */
public final class EvmProber implements ProviderProber {

  static final List<Call> CALLS =
      List.of(
          Call.of("eth_chainId"),
          Call.of("eth_blockNumber"),
          Call.of("eth_getBlockByNumber", "latest", false),
          Call.of("eth_getBlockByNumber", "safe", false),
          Call.of("eth_getBlockByNumber", "finalized", false),
          Call.of("eth_syncing"),
          Call.of("net_peerCount"));

  private final JsonRpcClient rpc;
  private final Clock clock;

  public EvmProber(JsonRpcClient rpc, Clock clock) {
    this.rpc = rpc;
    this.clock = clock;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.EVM;
  }

  @Override
  public ProviderObservation probe(ProbeRequest request) {
    ObservationBuilder o = new ObservationBuilder(ChainFamily.EVM);
    try {
      long deadline = System.nanoTime() + request.timeout().toNanos();
      JsonRpcClient.Result result = rpc.call(request, CALLS, deadline);
      if (o.absorb(result)) {
        read(result.replies(), o);
      }
    } catch (RuntimeException e) {
      o.error("probe", ProbeFailure.MALFORMED_RESPONSE, e.getClass().getSimpleName());
    }
    return o.build(clock.instant());
  }

  private static void read(List<Reply> r, ObservationBuilder o) {
    Reply chainId = r.get(0);
    if (required(chainId, "eth_chainId", o)) {
      try {
        o.reportedChainId = Quantities.hex(chainId.result(), "chain id").toString();
      } catch (Malformed e) {
        o.error("eth_chainId", ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
      }
    }
    Reply number = r.get(1);
    if (required(number, "eth_blockNumber", o)) {
      try {
        o.evidence.put(
            "blockNumber", Long.toString(Quantities.hexLong(number.result(), "block number")));
      } catch (Malformed e) {
        o.error("eth_blockNumber", ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
      }
    }
    o.latest = block(r.get(2), "latest", true, o);
    o.safe = block(r.get(3), "safe", false, o);
    o.finalized = block(r.get(4), "finalized", false, o);
    Reply syncing = r.get(5);
    if (optional(syncing, "eth_syncing", o)) {
      JsonNode s = syncing.result();
      o.syncing = !(s.isBoolean() && !s.asBoolean());
    }
    Reply peers = r.get(6);
    if (optional(peers, "net_peerCount", o)) {
      try {
        o.peerCount =
            (int) Math.min(Integer.MAX_VALUE, Quantities.hexLong(peers.result(), "peers"));
      } catch (Malformed e) {
        o.error("net_peerCount", ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
      }
    }
  }

  /** {@code latest} must be a block; {@code safe}/{@code finalized} may be unsupported. */
  private static BlockRef block(Reply reply, String tag, boolean required, ObservationBuilder o) {
    String method = "eth_getBlockByNumber(" + tag + ")";
    boolean ok = required ? required(reply, method, o) : optional(reply, tag, o);
    if (!ok) {
      return null;
    }
    JsonNode block = reply.result();
    if (block.isNull()) {
      if (required) {
        o.error(method, ProbeFailure.MALFORMED_RESPONSE, "no latest block");
      } else {
        o.evidence.put(tag + "Unsupported", "null block");
      }
      return null;
    }
    try {
      long height = Quantities.hexLong(block.get("number"), tag + " number");
      long seconds = Quantities.hexLong(block.get("timestamp"), tag + " timestamp");
      String hash = Quantities.text(block.get("hash"), tag + " hash");
      return new BlockRef(height, hash, Quantities.epochSeconds(seconds, tag + " timestamp"));
    } catch (Malformed e) {
      o.error(method, ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
      return null;
    }
  }

  private static boolean required(Reply reply, String method, ObservationBuilder o) {
    if (!reply.ok()) {
      o.errors.add(reply.toError(method));
      return false;
    }
    return true;
  }

  /** An RPC error on an optional call means "not supported here"; other failures still count. */
  private static boolean optional(Reply reply, String part, ObservationBuilder o) {
    if (reply.ok()) {
      return true;
    }
    if (reply.failure() == ProbeFailure.RPC_ERROR) {
      o.evidence.put(part + "Unsupported", reply.detail());
    } else {
      o.errors.add(reply.toError(part));
    }
    return false;
  }
}
