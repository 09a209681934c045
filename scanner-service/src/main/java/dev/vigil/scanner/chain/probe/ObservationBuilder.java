package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.EvmSnapshot.ProbeError;
import dev.vigil.scanner.domain.chain.OpSyncStatus;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the parts of one probe as the answers come in; missing parts stay {@code null}. */
final class ObservationBuilder {

  private final ChainFamily family;
  String reportedChainId;
  BlockRef latest;
  BlockRef safe;
  BlockRef finalized;
  Boolean syncing;
  Integer peerCount;
  Double latencyMillis;
  Integer httpStatus;
  OpSyncStatus rollup;
  final List<ProbeError> errors = new ArrayList<>();
  final Map<String, String> evidence = new LinkedHashMap<>();

  ObservationBuilder(ChainFamily family) {
    this.family = family;
  }

  ObservationBuilder error(String method, ProbeFailure failure, String detail) {
    errors.add(new ProbeError(method, failure, detail));
    return this;
  }

  /** Takes the latency and status of a JSON-RPC round; the transport error stands for all. */
  boolean absorb(JsonRpcClient.Result result) {
    latencyMillis =
        latencyMillis == null
            ? result.latencyMillis()
            : Math.max(latencyMillis, result.latencyMillis());
    if (result.httpStatus() != null) {
      httpStatus = result.httpStatus();
    }
    if (result.transport() != null) {
      errors.add(result.transport());
      return false;
    }
    return true;
  }

  ProviderObservation build(Instant observedAt) {
    return new ProviderObservation(
        observedAt,
        family,
        reportedChainId,
        latest,
        safe,
        finalized,
        syncing,
        peerCount,
        latencyMillis,
        httpStatus,
        rollup,
        errors,
        evidence);
  }
}
