package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.scanner.chain.probe.JsonRpcClient.Call;
import dev.vigil.scanner.chain.probe.JsonRpcClient.Reply;
import dev.vigil.scanner.chain.probe.Quantities.Malformed;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.OpSyncStatus;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An OP Stack rollup node (op-node): one {@code optimism_syncStatus} call. Its block references
 * ({@code eth.L2BlockRef}, {@code eth.L1BlockRef}) carry {@code hash}, {@code number} and {@code
 * timestamp} as a hex string, JSON numbers (number, timestamp: Unix seconds).
 */
public final class OpStackProber implements ProviderProber {

  static final String METHOD = "optimism_syncStatus";

  private final JsonRpcClient rpc;
  private final Clock clock;

  public OpStackProber(JsonRpcClient rpc, Clock clock) {
    this.rpc = rpc;
    this.clock = clock;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.OP_STACK;
  }

  @Override
  public ProviderObservation probe(ProbeRequest request) {
    ObservationBuilder o = new ObservationBuilder(ChainFamily.OP_STACK);
    try {
      long deadline = System.nanoTime() + request.timeout().toNanos();
      JsonRpcClient.Result result = rpc.call(request, List.of(Call.of(METHOD)), deadline);
      if (o.absorb(result)) {
        Reply reply = result.replies().get(0);
        if (!reply.ok()) {
          o.errors.add(reply.toError(METHOD));
        } else {
          read(reply.result(), o);
        }
      }
    } catch (RuntimeException e) {
      o.error("probe", ProbeFailure.MALFORMED_RESPONSE, e.getClass().getSimpleName());
    }
    Instant now = clock.instant();
    if (o.rollup != null) {
      OpSyncStatus r = o.rollup;
      o.rollup =
          new OpSyncStatus(
              now, r.unsafeL2(), r.safeL2(), r.finalizedL2(), r.headL1(), r.currentL1());
    }
    return o.build(now);
  }

  private static void read(JsonNode s, ObservationBuilder o) {
    if (s == null || !s.isObject()) {
      o.error(METHOD, ProbeFailure.MALFORMED_RESPONSE, "sync status is not an object");
      return;
    }
    try {
      BlockRef unsafe = ref(s, "unsafe_l2", true);
      BlockRef safe = ref(s, "safe_l2", false);
      BlockRef finalized = ref(s, "finalized_l2", false);
      BlockRef headL1 = ref(s, "head_l1", false);
      BlockRef currentL1 = ref(s, "current_l1", false);
      o.latest = unsafe;
      o.safe = safe;
      o.finalized = finalized;
      o.rollup = new OpSyncStatus(null, unsafe, safe, finalized, headL1, currentL1);
    } catch (Malformed e) {
      o.error(METHOD, ProbeFailure.MALFORMED_RESPONSE, e.getMessage());
    }
  }

  /**
   * A zero block reference (op-node reports {@code number 0, timestamp 0} before it knows the
   * block, e.g. {@code finalized_l2} at start) is "unknown", not a block from 1970.
   */
  private static BlockRef ref(JsonNode status, String field, boolean required) throws Malformed {
    JsonNode ref = status.get(field);
    if (ref == null || ref.isNull()) {
      if (required) {
        throw new Malformed(field + " is missing");
      }
      return null;
    }
    long number = Quantities.decimal(ref.get("number"), field + ".number");
    long timestamp = Quantities.decimal(ref.get("timestamp"), field + ".timestamp");
    String hash = Quantities.text(ref.get("hash"), field + ".hash");
    if (timestamp == 0 && !required) {
      return null;
    }
    return new BlockRef(number, hash, Quantities.epochSeconds(timestamp, field + ".timestamp"));
  }
}
