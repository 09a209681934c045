package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges one probe of one provider, whatever its family. Chains share the head checks of {@link
 * EvmHealthEvaluator} (stalled head, block production, head going backwards, future timestamps,
 * wrong chain, syncing, latency); OP Stack rollup nodes add {@link OpStackEvaluator}'s; Solana adds
 * {@code getHealth}; a plain HTTP API is judged by its {@link ApiCheck} only.
 */
public final class ObservationEvaluator {

  /** The API answered nothing usable: refused, timed out, too large, denied. */
  public static final String API_DOWN = "API_DOWN";

  public static final String API_UNEXPECTED_STATUS = "API_UNEXPECTED_STATUS";
  public static final String API_ASSERTION_FAILED = "API_ASSERTION_FAILED";
  public static final String API_SLOW = "API_SLOW";

  /** Solana {@code getHealth} says the node is behind or unhealthy. */
  public static final String NODE_UNHEALTHY = "NODE_UNHEALTHY";

  /** Findings that make a provider DOWN; any other finding makes it DEGRADED. */
  static final Set<String> DOWN_CODES =
      Set.of(
          EvmHealthEvaluator.WRONG_CHAIN,
          EvmHealthEvaluator.HEAD_STALLED,
          EvmHealthEvaluator.PROVIDER_DOWN,
          OpStackEvaluator.UNSAFE_HEAD_STALLED,
          NODE_UNHEALTHY,
          API_DOWN,
          API_UNEXPECTED_STATUS,
          API_ASSERTION_FAILED);

  private final EvmHealthEvaluator chain = new EvmHealthEvaluator();
  private final OpStackEvaluator rollup = new OpStackEvaluator();

  /**
   * @param previous the provider's previous observation, or {@code null} for the first (ignored
   *     when its family differs: the provider was redefined)
   * @param apiCheck for family {@code HTTP}; {@code null} means "answers 200 within the expected
   *     latency"
   */
  public ChainVerdict evaluate(
      ProviderObservation current,
      ProviderObservation previous,
      ChainExpectations expectations,
      ApiCheck apiCheck) {
    ProviderObservation before =
        previous != null && previous.family() == current.family() ? previous : null;
    return switch (current.family()) {
      case HTTP -> ApiEvaluation.evaluate(current, apiCheck, expectations);
      case OP_STACK -> opStack(current, before, expectations);
      default -> chain(current, before, expectations);
    };
  }

  private ChainVerdict chain(
      ProviderObservation current, ProviderObservation previous, ChainExpectations expectations) {
    ChainVerdict base =
        chain.evaluate(
            snapshot(current, expectations),
            previous == null ? null : snapshot(previous, expectations),
            expectations);
    List<Finding> findings = new ArrayList<>(base.findings());
    if (current.family() == ChainFamily.SOLANA) {
      solanaHealth(current, findings);
    }
    return withFindings(base, findings);
  }

  /**
   * The rollup's own verdict plus the shared checks on its unsafe head, without the shared checks
   * that the rollup verdict words better (stalled head, safe and finalized lag).
   */
  private ChainVerdict opStack(
      ProviderObservation current, ProviderObservation previous, ChainExpectations expectations) {
    OpSyncStatus status = current.rollup();
    if (status == null || status.unsafeL2() == null) {
      return chain(current, previous, expectations);
    }
    ChainVerdict shared =
        chain.evaluate(
            headOnly(current, expectations),
            previous == null ? null : headOnly(previous, expectations),
            expectations);
    OpStackEvaluator.Limits defaults =
        OpStackEvaluator.Limits.forBlockTime(expectations.blockTime());
    OpStackEvaluator.Verdict own =
        rollup.evaluate(
            status,
            new OpStackEvaluator.Limits(
                expectations.maxHeadAge(),
                defaults.maxSafeLag(),
                defaults.maxFinalizedLag(),
                defaults.maxL1OriginLagBlocks()));
    List<Finding> findings = new ArrayList<>();
    shared.findings().stream()
        .filter(f -> !f.code().equals(EvmHealthEvaluator.HEAD_STALLED))
        .forEach(findings::add);
    findings.addAll(own.findings());
    Double finalizedLagSeconds =
        status.finalizedL2() == null
            ? null
            : Duration.between(status.finalizedL2().timestamp(), status.unsafeL2().timestamp())
                    .toMillis()
                / 1000.0;
    return new ChainVerdict(
        status(findings),
        findings,
        own.unsafeHeadAgeSeconds(),
        shared.blocksSincePrevious(),
        own.safeLagBlocks(),
        own.finalizedLagBlocks(),
        finalizedLagSeconds);
  }

  private static void solanaHealth(ProviderObservation current, List<Finding> findings) {
    String health = current.evidence().get(ObservationKeys.HEALTH);
    if (health == null || health.equals("ok")) {
      return;
    }
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put(ObservationKeys.HEALTH, health);
    String behind = current.evidence().get(ObservationKeys.SLOTS_BEHIND);
    if (behind != null) {
      evidence.put(ObservationKeys.SLOTS_BEHIND, behind);
    }
    findings.add(
        new Finding(
            NODE_UNHEALTHY,
            Severity.CRITICAL,
            null,
            behind == null
                ? "node reports itself unhealthy"
                : "node reports itself " + behind + " slots behind the cluster",
            evidence));
  }

  /** No configured chain id means "any": the comparison is skipped, not failed. */
  private static EvmSnapshot snapshot(ProviderObservation o, ChainExpectations expectations) {
    EvmSnapshot s = o.asEvmSnapshot();
    if (expectations.expectedChainId() != null) {
      return s;
    }
    return new EvmSnapshot(
        s.observedAt(),
        null,
        s.latest(),
        s.safe(),
        s.finalized(),
        s.syncing(),
        s.peerCount(),
        s.latencyMillis(),
        s.errors());
  }

  private static EvmSnapshot headOnly(ProviderObservation o, ChainExpectations expectations) {
    EvmSnapshot s = snapshot(o, expectations);
    return new EvmSnapshot(
        s.observedAt(),
        s.reportedChainId(),
        s.latest(),
        null,
        null,
        s.syncing(),
        s.peerCount(),
        s.latencyMillis(),
        s.errors());
  }

  private static ChainVerdict withFindings(ChainVerdict base, List<Finding> findings) {
    return new ChainVerdict(
        status(findings),
        findings,
        base.headAgeSeconds(),
        base.blocksSincePrevious(),
        base.safeLagBlocks(),
        base.finalizedLagBlocks(),
        base.finalizedLagSeconds());
  }

  static HealthStatus status(List<Finding> findings) {
    if (findings.stream().anyMatch(f -> DOWN_CODES.contains(f.code()))) {
      return HealthStatus.DOWN;
    }
    return findings.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.DEGRADED;
  }
}
