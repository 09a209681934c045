package dev.vigil.incident.domain.sla;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much of a second at each status counts as downtime. The defaults follow what customers of
 * status pages are used to (Statuspage weighs a partial outage at 30% of a major one, and does not
 * count degraded performance as downtime); contracts differ, so every weight is configurable.
 * Maintenance is never weighed: announced maintenance windows are taken out of the measured time
 * altogether, as SLAs usually exclude them.
 */
public final class UptimeRules {

  private final Map<ComponentStatus, Double> weights;

  private UptimeRules(Map<ComponentStatus, Double> weights) {
    this.weights = weights;
  }

  /** Major outage 1.0, partial outage 0.3, degraded performance 0.0. */
  public static UptimeRules defaults() {
    return of(1.0, 0.3, 0.0);
  }

  public static UptimeRules of(double majorOutage, double partialOutage, double degraded) {
    Map<ComponentStatus, Double> w = new EnumMap<>(ComponentStatus.class);
    w.put(ComponentStatus.OPERATIONAL, 0.0);
    w.put(ComponentStatus.UNDER_MAINTENANCE, 0.0);
    w.put(ComponentStatus.DEGRADED_PERFORMANCE, check("degraded", degraded));
    w.put(ComponentStatus.PARTIAL_OUTAGE, check("partialOutage", partialOutage));
    w.put(ComponentStatus.MAJOR_OUTAGE, check("majorOutage", majorOutage));
    return new UptimeRules(w);
  }

  /** The share of a second at {@code status} that is downtime, between 0 and 1. */
  public double weight(ComponentStatus status) {
    return weights.get(status);
  }

  private static double check(String name, double weight) {
    if (!(weight >= 0.0 && weight <= 1.0)) {
      throw new IllegalArgumentException(name + " weight must be between 0 and 1, was " + weight);
    }
    return weight;
  }
}
