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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Solana JSON-RPC in two batches: the {@code confirmed} and {@code finalized} slots, {@code
 * getHealth} and {@code getGenesisHash} (the chain's identity); then {@code getBlockTime} for each
 * slot. A skipped slot has no block time (null, or error -32004/-32007/-32009), so the two slots
 * before each are asked too and the nearest one with a time stands in for the head's age.
 */
public final class SolanaProber implements ProviderProber {

  /** getHealth's "unhealthy" error code; the data may carry {@code numSlotsBehind}. */
  static final long NODE_UNHEALTHY = -32005;

  private static final int FALLBACK_SLOTS = 2;

  private final JsonRpcClient rpc;
  private final Clock clock;

  public SolanaProber(JsonRpcClient rpc, Clock clock) {
    this.rpc = rpc;
    this.clock = clock;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.SOLANA;
  }

  @Override
  public ProviderObservation probe(ProbeRequest request) {
    ObservationBuilder o = new ObservationBuilder(ChainFamily.SOLANA);
    try {
      long deadline = System.nanoTime() + request.timeout().toNanos();
      List<Call> first =
          List.of(
              Call.of("getSlot", Map.of("commitment", "confirmed")),
              Call.of("getSlot", Map.of("commitment", "finalized")),
              Call.of("getHealth"),
              Call.of("getGenesisHash"));
      JsonRpcClient.Result result = rpc.call(request, first, deadline);
      if (o.absorb(result)) {
        List<Reply> r = result.replies();
        health(r.get(2), o);
        if (r.get(3).ok() && r.get(3).result().isTextual()) {
          o.reportedChainId = r.get(3).result().asText();
        } else if (!r.get(3).ok()) {
          o.errors.add(r.get(3).toError("getGenesisHash"));
        }
        Long confirmed = slot(r.get(0), "getSlot(confirmed)", o);
        Long finalized = slot(r.get(1), "getSlot(finalized)", o);
        times(request, confirmed, finalized, o, deadline);
      }
    } catch (RuntimeException e) {
      o.error("probe", ProbeFailure.MALFORMED_RESPONSE, e.getClass().getSimpleName());
    }
    return o.build(clock.instant());
  }

  private static void health(Reply reply, ObservationBuilder o) {
    if (reply.ok()) {
      o.evidence.put(ObservationKeys.HEALTH, reply.result().asText());
      return;
    }
    if (reply.rpcError() != null && reply.rpcError().code() == NODE_UNHEALTHY) {
      JsonNode behind =
          reply.rpcError().data() == null ? null : reply.rpcError().data().get("numSlotsBehind");
      if (behind != null && behind.canConvertToLong()) {
        o.evidence.put(ObservationKeys.HEALTH, "behind");
        o.evidence.put(ObservationKeys.SLOTS_BEHIND, Long.toString(behind.asLong()));
      } else {
        o.evidence.put(ObservationKeys.HEALTH, "unhealthy");
      }
      return;
    }
    o.errors.add(reply.toError("getHealth"));
  }

  private static Long slot(Reply reply, String method, ObservationBuilder o) {
    if (!reply.ok()) {
      o.errors.add(reply.toError(method));
      return null;
    }
    try {
      return Quantities.decimal(reply.result(), "slot");
    } catch (Malformed e) {
      o.error(method, ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
      return null;
    }
  }

  private void times(
      ProbeRequest request, Long confirmed, Long finalized, ObservationBuilder o, long deadline) {
    List<Long> slots = new ArrayList<>();
    for (Long head : new Long[] {confirmed, finalized}) {
      if (head != null) {
        for (int i = 0; i <= FALLBACK_SLOTS; i++) {
          slots.add(head - i);
        }
      }
    }
    if (slots.isEmpty()) {
      return;
    }
    List<Call> calls = slots.stream().map(s -> Call.of("getBlockTime", s)).toList();
    JsonRpcClient.Result result = rpc.call(request, calls, deadline);
    if (!o.absorb(result)) {
      return;
    }
    int offset = 0;
    if (confirmed != null) {
      o.latest = block(confirmed, result.replies().subList(0, FALLBACK_SLOTS + 1), o);
      offset = FALLBACK_SLOTS + 1;
    }
    if (finalized != null) {
      o.finalized =
          block(finalized, result.replies().subList(offset, offset + FALLBACK_SLOTS + 1), o);
    }
  }

  /** The slot, stamped with the time of itself or the nearest earlier slot that has a block. */
  private static BlockRef block(long slot, List<Reply> times, ObservationBuilder o) {
    Reply last = null;
    for (Reply reply : times) {
      if (reply.ok() && reply.result().canConvertToLong()) {
        try {
          return new BlockRef(
              slot, null, Quantities.epochSeconds(reply.result().asLong(), "block time"));
        } catch (Malformed e) {
          o.error("getBlockTime", ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
          return null;
        }
      }
      last = reply;
    }
    if (last != null && !last.ok()) {
      o.errors.add(last.toError("getBlockTime"));
    } else {
      o.error("getBlockTime", ProbeFailure.MALFORMED_RESPONSE, "no block time near slot " + slot);
    }
    return null;
  }
}
