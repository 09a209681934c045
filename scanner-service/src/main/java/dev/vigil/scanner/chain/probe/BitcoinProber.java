package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.scanner.chain.probe.JsonRpcClient.Call;
import dev.vigil.scanner.chain.probe.JsonRpcClient.Reply;
import dev.vigil.scanner.chain.probe.Quantities.Malformed;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ObservationKeys;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.time.Clock;
import java.util.List;

/**
 * Bitcoin Core JSON-RPC: {@code getblockchaininfo} (chain name, height, best block hash, time,
 * initial block download) and {@code getnetworkinfo} (connections) in one batch. Versions before
 * 23.0 have no {@code time} in {@code getblockchaininfo}; then {@code getblockheader} of the best
 * block supplies it in a second round. Speaks JSON-RPC 1.0, where errors come with HTTP 500.
 */
public final class BitcoinProber implements ProviderProber {

  static final List<Call> CALLS = List.of(Call.of("getblockchaininfo"), Call.of("getnetworkinfo"));

  private final JsonRpcClient rpc;
  private final Clock clock;

  public BitcoinProber(JsonRpcClient rpc, Clock clock) {
    this.rpc = rpc;
    this.clock = clock;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.BITCOIN;
  }

  @Override
  public ProviderObservation probe(ProbeRequest request) {
    ObservationBuilder o = new ObservationBuilder(ChainFamily.BITCOIN);
    try {
      long deadline = System.nanoTime() + request.timeout().toNanos();
      JsonRpcClient.Result result = rpc.call(request, CALLS, deadline);
      if (o.absorb(result)) {
        network(result.replies().get(1), o);
        chain(request, result.replies().get(0), o, deadline);
      }
    } catch (RuntimeException e) {
      o.error("probe", ProbeFailure.MALFORMED_RESPONSE, e.getClass().getSimpleName());
    }
    return o.build(clock.instant());
  }

  private void chain(ProbeRequest request, Reply reply, ObservationBuilder o, long deadline) {
    if (!reply.ok()) {
      o.errors.add(reply.toError("getblockchaininfo"));
      return;
    }
    JsonNode info = reply.result();
    try {
      o.reportedChainId = Quantities.text(info.get("chain"), "chain");
      long height = Quantities.decimal(info.get("blocks"), "blocks");
      String best = Quantities.text(info.get("bestblockhash"), "bestblockhash");
      JsonNode ibd = info.get("initialblockdownload");
      if (ibd != null && ibd.isBoolean()) {
        o.syncing = ibd.asBoolean();
      }
      JsonNode progress = info.get("verificationprogress");
      if (progress != null && progress.isNumber()) {
        o.evidence.put(ObservationKeys.VERIFICATION_PROGRESS, progress.asText());
      }
      Long time =
          info.has("time")
              ? Quantities.decimal(info.get("time"), "time")
              : headerTime(request, best, o, deadline);
      if (time != null) {
        o.latest = new BlockRef(height, best, Quantities.epochSeconds(time, "time"));
      }
    } catch (Malformed e) {
      o.error("getblockchaininfo", ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
    }
  }

  private Long headerTime(ProbeRequest request, String hash, ObservationBuilder o, long deadline)
      throws Malformed {
    JsonRpcClient.Result result =
        rpc.call(request, List.of(Call.of("getblockheader", hash, true)), deadline);
    if (!o.absorb(result)) {
      return null;
    }
    Reply header = result.replies().get(0);
    if (!header.ok()) {
      o.errors.add(header.toError("getblockheader"));
      return null;
    }
    return Quantities.decimal(header.result().get("time"), "header time");
  }

  private static void network(Reply reply, ObservationBuilder o) {
    if (!reply.ok()) {
      if (reply.failure() == ProbeFailure.RPC_ERROR) {
        o.evidence.put("getnetworkinfoUnsupported", reply.detail());
      } else {
        o.errors.add(reply.toError("getnetworkinfo"));
      }
      return;
    }
    try {
      o.peerCount = (int) Quantities.decimal(reply.result().get("connections"), "connections");
    } catch (Malformed e) {
      o.error("getnetworkinfo", ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
    }
  }
}
