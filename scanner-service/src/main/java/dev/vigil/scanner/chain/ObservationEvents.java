package dev.vigil.scanner.chain;

import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.Finding;
import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainComparison.Compared;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.OpSyncStatus;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds {@code ChainHealthObserved} from a probe: raw figures, verdict and comparison. Never the
 * URL.
 */
final class ObservationEvents {

  static final String RPC = "RPC";
  static final String ROLLUP_NODE = "ROLLUP_NODE";
  static final String API = "API";

  private ObservationEvents() {}

  static ChainHealthObserved provider(
      ChainSpec chain,
      ProviderSpec provider,
      ProviderObservation o,
      ChainVerdict verdict,
      Compared comparison) {
    List<Finding> findings = new ArrayList<>(verdict.findings());
    findings.addAll(comparison.findings());
    Map<String, String> labels = new TreeMap<>(chain.labels());
    labels.putAll(provider.labels());
    OpSyncStatus rollup = o.rollup();
    BlockRef head = o.latest();
    return new ChainHealthObserved(
        UUID.randomUUID().toString(),
        chain.id(),
        provider.id(),
        provider.name(),
        provider.family() == ChainFamily.OP_STACK ? ROLLUP_NODE : RPC,
        provider.family().name(),
        labels,
        o.observedAt(),
        comparison.status(),
        chain.expectedChainId(),
        o.reportedChainId(),
        head == null ? null : head.height(),
        head == null ? null : head.hash(),
        head == null ? null : head.timestamp(),
        verdict.headAgeSeconds(),
        chain.blockTime().toMillis() / 1000.0,
        verdict.blocksSincePrevious(),
        verdict.safeLagBlocks(),
        verdict.finalizedLagBlocks(),
        verdict.finalizedLagSeconds(),
        unsafeHeadAge(rollup),
        l1OriginLag(rollup),
        comparison.lagBehindBest(),
        o.syncing(),
        o.peerCount(),
        o.latencyMillis(),
        o.httpStatus(),
        findings);
  }

  /** An API observation; an API of no chain is reported under {@code api:<apiId>}. */
  static ChainHealthObserved api(ApiSpec api, ProviderObservation o, ChainVerdict verdict) {
    return new ChainHealthObserved(
        UUID.randomUUID().toString(),
        chainIdOf(api),
        api.id(),
        api.name(),
        API,
        ChainFamily.HTTP.name(),
        api.labels(),
        o.observedAt(),
        verdict.status(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        o.latencyMillis(),
        o.httpStatus(),
        verdict.findings());
  }

  static String chainIdOf(ApiSpec api) {
    return api.chainId() != null ? api.chainId() : "api:" + api.id();
  }

  private static Double unsafeHeadAge(OpSyncStatus rollup) {
    if (rollup == null || rollup.unsafeL2() == null || rollup.observedAt() == null) {
      return null;
    }
    Duration age = Duration.between(rollup.unsafeL2().timestamp(), rollup.observedAt());
    return Math.max(0, age.toMillis()) / 1000.0;
  }

  private static Long l1OriginLag(OpSyncStatus rollup) {
    if (rollup == null || rollup.headL1() == null || rollup.currentL1() == null) {
      return null;
    }
    return rollup.headL1().height() - rollup.currentL1().height();
  }
}
