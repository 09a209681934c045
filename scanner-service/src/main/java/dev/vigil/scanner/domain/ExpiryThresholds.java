package dev.vigil.scanner.domain;

/**
 * When a certificate counts as expiring soon. Defaults follow common practice: warn four weeks
 * ahead, critical at two.
 *
 * @param warningDays fewer whole days left than this is a warning
 * @param criticalDays fewer whole days left than this is critical
 * @param lifetimePercent when set, a certificate past this share of its validity period is a
 *     warning too, whatever its days left: cert-manager renews at two thirds of the lifetime by
 *     default, so a 90-day certificate still unrenewed after 60 days means renewal is broken, long
 *     before a 28-day threshold would notice
 */
public record ExpiryThresholds(int warningDays, int criticalDays, Integer lifetimePercent) {

  public static final ExpiryThresholds DEFAULT = new ExpiryThresholds(28, 14);

  public ExpiryThresholds {
    if (criticalDays < 0 || warningDays < criticalDays) {
      throw new IllegalArgumentException(
          "need 0 <= criticalDays <= warningDays, got " + criticalDays + ", " + warningDays);
    }
    if (lifetimePercent != null && (lifetimePercent < 1 || lifetimePercent > 100)) {
      throw new IllegalArgumentException(
          "lifetimePercent must be between 1 and 100, got " + lifetimePercent);
    }
  }

  public ExpiryThresholds(int warningDays, int criticalDays) {
    this(warningDays, criticalDays, null);
  }
}
