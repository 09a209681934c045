package dev.vigil.scanner.domain.chain;

import dev.vigil.scanner.domain.FieldViolation;
import java.time.Duration;
import java.util.List;

/**
 * Threshold overrides of a chain or a provider; {@code null} fields inherit. Applied on top of
 * {@link ChainExpectations#forBlockTime}: chain overrides first, then the provider's.
 */
public record ThresholdOverrides(
    Long maxHeadAgeSeconds,
    Long maxLagBehindBestBlocks,
    Long maxLatencyMillis,
    Long maxSafeLagBlocks,
    Long maxFinalizedLagSeconds) {

  public static final ThresholdOverrides NONE =
      new ThresholdOverrides(null, null, null, null, null);

  public static ThresholdOverrides orNone(ThresholdOverrides overrides) {
    return overrides == null ? NONE : overrides;
  }

  public ChainExpectations applyTo(ChainExpectations base) {
    return new ChainExpectations(
        base.expectedChainId(),
        base.blockTime(),
        maxHeadAgeSeconds == null ? base.maxHeadAge() : Duration.ofSeconds(maxHeadAgeSeconds),
        maxSafeLagBlocks == null ? base.maxSafeLagBlocks() : maxSafeLagBlocks,
        maxFinalizedLagSeconds == null
            ? base.maxFinalizedLag()
            : Duration.ofSeconds(maxFinalizedLagSeconds),
        maxLatencyMillis == null ? base.maxLatency() : Duration.ofMillis(maxLatencyMillis),
        maxLagBehindBestBlocks == null ? base.maxLagBehindBest() : maxLagBehindBestBlocks);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  void violations(String prefix, List<FieldViolation> out) {
    positive(maxHeadAgeSeconds, 1, prefix + "maxHeadAgeSeconds", out);
    positive(maxLagBehindBestBlocks, 0, prefix + "maxLagBehindBestBlocks", out);
    positive(maxLatencyMillis, 1, prefix + "maxLatencyMillis", out);
    positive(maxSafeLagBlocks, 0, prefix + "maxSafeLagBlocks", out);
    positive(maxFinalizedLagSeconds, 1, prefix + "maxFinalizedLagSeconds", out);
  }

  private static void positive(Long value, long min, String field, List<FieldViolation> out) {
    if (value != null && (value < min || value > 1_000_000_000L)) {
      out.add(new FieldViolation(field, "must be between " + min + " and 1000000000"));
    }
  }
}
