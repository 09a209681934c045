package dev.vigil.scanner.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a target is scanned next. Each interval is spread by a random jitter so that targets
 * registered together do not stay in lock-step, and a target that keeps failing is backed off
 * (doubling up to a cap) so a dead endpoint does not occupy scan workers at full rate.
 */
public final class ScanSchedule {

  private final double jitter;
  private final int maxBackoffFactor;
  private final DoubleSupplier random;

  /**
   * @param jitter fraction of the interval added or removed at random, e.g. 0.1 for ±10%
   * @param maxBackoffFactor cap on the back-off multiplier for failing targets
   * @param random uniform values in [0, 1)
   */
  public ScanSchedule(double jitter, int maxBackoffFactor, DoubleSupplier random) {
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    if (maxBackoffFactor < 1) {
      throw new IllegalArgumentException("maxBackoffFactor must be at least 1");
    }
    this.jitter = jitter;
    this.maxBackoffFactor = maxBackoffFactor;
    this.random = random;
  }

  /**
   * The next scan after one that ended at {@code now}.
   *
   * @param consecutiveFailures unreachable scans in a row, including this one; 0 after a success
   */
  public Instant next(Instant now, Duration interval, int consecutiveFailures) {
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    long millis = Math.round(interval.toMillis() * backoffFactor(consecutiveFailures) * spread);
    return now.plusMillis(Math.max(1, millis));
  }

  /** 1 for the first failure, then 2, 4, 8, ... up to the cap. */
  public int backoffFactor(int consecutiveFailures) {
    if (consecutiveFailures <= 1) {
      return 1;
    }
    int shift = Math.min(consecutiveFailures - 1, 30);
    return (int) Math.min((long) maxBackoffFactor, 1L << shift);
  }
}
