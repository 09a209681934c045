package dev.vigil.incident.domain.sla;

/**
 * One row of a service-credit table: uptime below {@code belowPercent} earns {@code creditPercent}
 * of the period's fee back.
 */
public record CreditStep(double belowPercent, double creditPercent) {

  public CreditStep {
    if (!(belowPercent > 0 && belowPercent <= 100)) {
      throw new IllegalArgumentException("belowPercent must be in (0, 100], was " + belowPercent);
    }
    if (!(creditPercent >= 0 && creditPercent <= 100)) {
      throw new IllegalArgumentException("creditPercent must be in [0, 100], was " + creditPercent);
    }
  }
}
