package dev.vigil.scanner.domain;

/**
 * When a certificate counts as expiring soon. Defaults follow common practice: warn four weeks
 * ahead, critical at two.
 */
public record ExpiryThresholds(int warningDays, int criticalDays) {

  public static final ExpiryThresholds DEFAULT = new ExpiryThresholds(28, 14);

  public ExpiryThresholds {
    if (criticalDays < 0 || warningDays < criticalDays) {
      throw new IllegalArgumentException(
          "need 0 <= criticalDays <= warningDays, got " + criticalDays + ", " + warningDays);
    }
  }
}
