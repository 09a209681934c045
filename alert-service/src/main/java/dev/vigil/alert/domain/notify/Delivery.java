package dev.vigil.alert.domain.notify;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Retry decisions for one integration call, after Alertmanager's {@code notify/util.go}: a server
 * error, 429 or an I/O failure may succeed later; any other 4xx will not.
 */
public final class Delivery {

  /** Outcome classes; also the fixed set of metric labels. */
  public enum Outcome {
    SENT,
    RETRYABLE,
    PERMANENT
  }

  private Delivery() {}

  public static Outcome classify(int httpStatus) {
    if (httpStatus >= 200 && httpStatus < 300) {
      return Outcome.SENT;
    }
    if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
      return Outcome.RETRYABLE;
    }
    return Outcome.PERMANENT;
  }

  /**
   * Exponential back-off with "equal jitter": half the capped exponential delay plus a random part
   * of the other half, so replicas retrying the same receiver spread out.
   *
   * @param attempt 1 for the delay after the first failure
   */
  public static Duration backoff(
      int attempt, Duration initial, Duration max, DoubleSupplier random) {
    long base = initial.toMillis();
    long capped = max.toMillis();
    long exp = attempt >= 20 ? capped : Math.min(capped, base << Math.max(0, attempt - 1));
    long half = exp / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (exp - half)));
  }
}
