package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges an OP Stack rollup node from {@code optimism_syncStatus}: whether the unsafe head moves
 * (the sequencer produces blocks), whether the safe head follows (batches reach L1) and whether
 * derivation keeps up with L1.
 */
public final class OpStackEvaluator {

  public static final String UNSAFE_HEAD_STALLED = "UNSAFE_HEAD_STALLED";
  public static final String SAFE_HEAD_LAG = "SAFE_HEAD_LAG";
  public static final String FINALIZED_HEAD_LAG = "FINALIZED_HEAD_LAG";
  public static final String L1_ORIGIN_LAG = "L1_ORIGIN_LAG";

  /**
   * Limits for one rollup.
   *
   * @param maxUnsafeHeadAge the unsafe head may be this old
   * @param maxSafeLag how long the safe head may trail the unsafe head (batch submission delay)
   * @param maxFinalizedLag how long the finalized head may trail the unsafe head
   * @param maxL1OriginLagBlocks how many L1 blocks derivation may trail the L1 head
   */
  public record Limits(
      Duration maxUnsafeHeadAge,
      Duration maxSafeLag,
      Duration maxFinalizedLag,
      long maxL1OriginLagBlocks) {

    /** Defaults for an L2 with the given block time on Ethereum L1. */
    public static Limits forBlockTime(Duration blockTime) {
      Duration unsafe = blockTime.multipliedBy(3);
      return new Limits(
          unsafe.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : unsafe,
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          10);
    }
  }

  /** Outcome, with the figures for {@code ChainHealthObserved}. */
  public record Verdict(
      HealthStatus status,
      List<Finding> findings,
      Double unsafeHeadAgeSeconds,
      Long safeLagBlocks,
      Long finalizedLagBlocks,
      Long l1OriginLagBlocks) {}

  public Verdict evaluate(OpSyncStatus s, Limits limits) {
    List<Finding> findings = new ArrayList<>();
    Duration unsafeAge = nonNegative(Duration.between(s.unsafeL2().timestamp(), s.observedAt()));
    if (unsafeAge.compareTo(limits.maxUnsafeHeadAge()) > 0) {
      findings.add(
          new Finding(
              UNSAFE_HEAD_STALLED,
              Severity.CRITICAL,
              null,
              "unsafe L2 head "
                  + s.unsafeL2().height()
                  + " is "
                  + unsafeAge.toSeconds()
                  + " s old: the sequencer is not producing blocks",
              Map.of(
                  "unsafeHeight", Long.toString(s.unsafeL2().height()),
                  "unsafeHeadAgeSeconds", Long.toString(unsafeAge.toSeconds()))));
    }
    Long safeLag = lagBlocks(s.unsafeL2(), s.safeL2());
    if (s.safeL2() != null) {
      Duration behind =
          nonNegative(Duration.between(s.safeL2().timestamp(), s.unsafeL2().timestamp()));
      if (behind.compareTo(limits.maxSafeLag()) > 0) {
        findings.add(lagFinding(SAFE_HEAD_LAG, "safe", behind, safeLag));
      }
    }
    Long finalizedLag = lagBlocks(s.unsafeL2(), s.finalizedL2());
    if (s.finalizedL2() != null) {
      Duration behind =
          nonNegative(Duration.between(s.finalizedL2().timestamp(), s.unsafeL2().timestamp()));
      if (behind.compareTo(limits.maxFinalizedLag()) > 0) {
        findings.add(lagFinding(FINALIZED_HEAD_LAG, "finalized", behind, finalizedLag));
      }
    }
    Long l1Lag = lagBlocks(s.headL1(), s.currentL1());
    if (l1Lag != null && l1Lag > limits.maxL1OriginLagBlocks()) {
      findings.add(
          new Finding(
              L1_ORIGIN_LAG,
              Severity.WARNING,
              null,
              "derivation is " + l1Lag + " L1 blocks behind the L1 head",
              Map.of("l1OriginLagBlocks", Long.toString(l1Lag))));
    }
    HealthStatus status =
        findings.stream().anyMatch(f -> f.code().equals(UNSAFE_HEAD_STALLED))
            ? HealthStatus.DOWN
            : findings.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.DEGRADED;
    return new Verdict(
        status, findings, unsafeAge.toMillis() / 1000.0, safeLag, finalizedLag, l1Lag);
  }

  private static Finding lagFinding(String code, String which, Duration behind, Long blocks) {
    return new Finding(
        code,
        Severity.WARNING,
        null,
        which + " L2 head trails the unsafe head by " + behind.toMinutes() + " min",
        Map.of(
            "lagSeconds", Long.toString(behind.toSeconds()),
            "lagBlocks", String.valueOf(blocks)));
  }

  private static Long lagBlocks(BlockRef ahead, BlockRef behind) {
    return ahead == null || behind == null ? null : ahead.height() - behind.height();
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
