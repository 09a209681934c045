package dev.vigil.scanner.domain.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a provider is probed next. Counted from the start of the previous probe, and jitter only
 * ever shortens the interval: two probes never start more than one interval apart, which is what
 * bounds the time from a stalled head to its report (one interval plus the probe itself). The
 * jitter keeps providers registered together from probing in lock-step.
 */
public final class ProbeCadence {

  private final double jitter;
  private final DoubleSupplier random;

  /**
   * @param jitter at most this fraction of the interval is taken off at random, e.g. 0.1
   * @param random uniform values in [0, 1)
   */
  public ProbeCadence(double jitter, DoubleSupplier random) {
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    this.jitter = jitter;
    this.random = random;
  }

  public Instant next(Instant startedAt, Duration interval) {
    double factor = 1 - jitter * random.getAsDouble();
    return startedAt.plusMillis(Math.max(1, Math.round(interval.toMillis() * factor)));
  }
}
