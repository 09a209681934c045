package dev.vigil.alert.domain;

import dev.vigil.events.Severity;
import java.util.Optional;

/**
 * How many days before expiry a certificate alert fires, and when it turns critical. A certificate
 * with fewer than {@code criticalDays} left is critical, fewer than {@code warningDays} a warning.
 *
 * @param warningDays days left below which the alert fires as a warning
 * @param criticalDays days left below which it is critical; smaller than {@code warningDays}
 */
public record ExpiryThresholds(int warningDays, int criticalDays) {

  /** Four weeks to plan a renewal, two weeks before it is urgent. */
  public static final ExpiryThresholds DEFAULT = new ExpiryThresholds(28, 14);

  public ExpiryThresholds {
    if (criticalDays <= 0) {
      throw new IllegalArgumentException("criticalDays must be > 0, was " + criticalDays);
    }
    if (warningDays <= criticalDays) {
      throw new IllegalArgumentException(
          "warningDays ("
              + warningDays
              + ") must be greater than criticalDays ("
              + criticalDays
              + ")");
    }
  }

  /** The severity a certificate with {@code daysLeft} deserves, or empty when it is healthy. */
  public Optional<Severity> severityFor(long daysLeft) {
    if (daysLeft < criticalDays) {
      return Optional.of(Severity.CRITICAL);
    }
    if (daysLeft < warningDays) {
      return Optional.of(Severity.WARNING);
    }
    return Optional.empty();
  }
}
