package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one EVM provider from its latest probe and the one before. Catches what took Base down for
 * 33 minutes: a head that stops advancing while the RPC keeps answering.
 */
public final class EvmHealthEvaluator {

  public static final String PROVIDER_DOWN = "PROVIDER_DOWN";
  public static final String RPC_FAILED = "RPC_FAILED";
  public static final String WRONG_CHAIN = "WRONG_CHAIN";
  public static final String HEAD_STALLED = "HEAD_STALLED";
  public static final String SLOW_BLOCK_PRODUCTION = "SLOW_BLOCK_PRODUCTION";
  public static final String HEAD_WENT_BACKWARDS = "HEAD_WENT_BACKWARDS";
  public static final String REORG = "REORG";
  public static final String TIMESTAMP_IN_FUTURE = "TIMESTAMP_IN_FUTURE";
  public static final String SAFE_LAG = "SAFE_LAG";
  public static final String FINALIZED_LAG = "FINALIZED_LAG";
  public static final String SYNCING = "SYNCING";
  public static final String NO_PEERS = "NO_PEERS";
  public static final String SLOW_RPC = "SLOW_RPC";

  /** Clock skew tolerated before a block timestamp counts as being in the future. */
  static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(15);

  /**
   * @param previous the provider's previous probe, or {@code null} for the first one
   */
  public ChainVerdict evaluate(
      EvmSnapshot current, EvmSnapshot previous, ChainExpectations expected) {
    List<Finding> findings = new ArrayList<>();
    for (EvmSnapshot.ProbeError error : current.errors()) {
      findings.add(
          finding(
              RPC_FAILED,
              Severity.WARNING,
              error.method() + " failed: " + error.failure(),
              "method",
              error.method(),
              "failure",
              error.failure().name(),
              "detail",
              String.valueOf(error.detail())));
    }
    if (current.reportedChainId() != null
        && !current.reportedChainId().equals(expected.expectedChainId())) {
      findings.add(
          finding(
              WRONG_CHAIN,
              Severity.CRITICAL,
              "provider serves chain "
                  + current.reportedChainId()
                  + ", expected "
                  + expected.expectedChainId(),
              "reported",
              current.reportedChainId(),
              "expected",
              expected.expectedChainId()));
    }
    BlockRef latest = current.latest();
    if (latest == null) {
      findings.add(finding(PROVIDER_DOWN, Severity.CRITICAL, "no latest block could be read"));
      return new ChainVerdict(HealthStatus.DOWN, findings, null, null, null, null, null);
    }

    Duration age = Duration.between(latest.timestamp(), current.observedAt());
    if (age.isNegative()) {
      if (age.negated().compareTo(FUTURE_TOLERANCE) > 0) {
        findings.add(
            finding(
                TIMESTAMP_IN_FUTURE,
                Severity.WARNING,
                "latest block is stamped " + age.negated().toSeconds() + " s in the future",
                "blockTimestamp",
                latest.timestamp().toString(),
                "observedAt",
                current.observedAt().toString()));
      }
      age = Duration.ZERO;
    }
    if (age.compareTo(expected.maxHeadAge()) > 0) {
      findings.add(
          finding(
              HEAD_STALLED,
              Severity.CRITICAL,
              "head "
                  + latest.height()
                  + " is "
                  + age.toSeconds()
                  + " s old (limit "
                  + expected.maxHeadAge().toSeconds()
                  + " s)",
              "height",
              Long.toString(latest.height()),
              "headAgeSeconds",
              Long.toString(age.toSeconds())));
    }

    Long advanced = null;
    if (previous != null && previous.latest() != null) {
      advanced = latest.height() - previous.latest().height();
      progressFindings(current, previous, expected, advanced, findings);
    }

    Long safeLag = current.safe() == null ? null : latest.height() - current.safe().height();
    if (safeLag != null && safeLag > expected.maxSafeLagBlocks()) {
      findings.add(
          finding(
              SAFE_LAG,
              Severity.WARNING,
              "safe head trails latest by " + safeLag + " blocks",
              "safeLagBlocks",
              Long.toString(safeLag)));
    }
    Long finalizedLag = null;
    Double finalizedLagSeconds = null;
    if (current.finalized() != null) {
      finalizedLag = latest.height() - current.finalized().height();
      Duration behind = Duration.between(current.finalized().timestamp(), latest.timestamp());
      finalizedLagSeconds = behind.toMillis() / 1000.0;
      if (behind.compareTo(expected.maxFinalizedLag()) > 0) {
        findings.add(
            finding(
                FINALIZED_LAG,
                Severity.WARNING,
                "finalized head trails latest by " + behind.toMinutes() + " min",
                "finalizedLagBlocks",
                Long.toString(finalizedLag),
                "finalizedLagSeconds",
                Long.toString(behind.toSeconds())));
      }
    }
    if (Boolean.TRUE.equals(current.syncing())) {
      findings.add(finding(SYNCING, Severity.WARNING, "node reports that it is syncing"));
    }
    if (current.peerCount() != null && current.peerCount() == 0) {
      findings.add(finding(NO_PEERS, Severity.WARNING, "node has no peers"));
    }
    if (current.latencyMillis() != null
        && current.latencyMillis() > expected.maxLatency().toMillis()) {
      findings.add(
          finding(
              SLOW_RPC,
              Severity.WARNING,
              "RPC took " + Math.round(current.latencyMillis()) + " ms",
              "latencyMillis",
              Long.toString(Math.round(current.latencyMillis()))));
    }
    return new ChainVerdict(
        status(findings),
        findings,
        age.toMillis() / 1000.0,
        advanced,
        safeLag,
        finalizedLag,
        finalizedLagSeconds);
  }

  /**
   * Block production: over {@code elapsed}, the head must advance by at least elapsed / blockTime -
   * 1 blocks (op-conductor's rule), and never move backwards.
   */
  private static void progressFindings(
      EvmSnapshot current,
      EvmSnapshot previous,
      ChainExpectations expected,
      long advanced,
      List<Finding> findings) {
    BlockRef latest = current.latest();
    BlockRef before = previous.latest();
    if (advanced < 0) {
      findings.add(
          finding(
              HEAD_WENT_BACKWARDS,
              Severity.WARNING,
              "head moved back from " + before.height() + " to " + latest.height(),
              "previousHeight",
              Long.toString(before.height()),
              "height",
              Long.toString(latest.height()),
              "depth",
              Long.toString(-advanced)));
      return;
    }
    if (advanced == 0 && before.hash() != null && !before.hash().equals(latest.hash())) {
      findings.add(
          finding(
              REORG,
              Severity.WARNING,
              "block " + latest.height() + " was replaced",
              "height",
              Long.toString(latest.height()),
              "previousHash",
              before.hash(),
              "hash",
              String.valueOf(latest.hash())));
    }
    Duration elapsed = Duration.between(previous.observedAt(), current.observedAt());
    long expectedBlocks = elapsed.dividedBy(expected.blockTime()) - 1;
    if (expectedBlocks > 0 && advanced < expectedBlocks) {
      findings.add(
          finding(
              SLOW_BLOCK_PRODUCTION,
              Severity.WARNING,
              "head advanced "
                  + advanced
                  + " blocks in "
                  + elapsed.toSeconds()
                  + " s, expected at least "
                  + expectedBlocks,
              "advanced",
              Long.toString(advanced),
              "expectedAtLeast",
              Long.toString(expectedBlocks),
              "elapsedSeconds",
              Long.toString(elapsed.toSeconds())));
    }
  }

  private static HealthStatus status(List<Finding> findings) {
    boolean down =
        findings.stream()
            .anyMatch(
                f ->
                    f.code().equals(WRONG_CHAIN)
                        || f.code().equals(HEAD_STALLED)
                        || f.code().equals(PROVIDER_DOWN));
    if (down) {
      return HealthStatus.DOWN;
    }
    return findings.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.DEGRADED;
  }

  private static Finding finding(String code, Severity severity, String message, String... kv) {
    Map<String, String> evidence = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      evidence.put(kv[i], kv[i + 1]);
    }
    return new Finding(code, severity, null, message, evidence);
  }
}
