package dev.vigil.incident.domain.sla;

import java.time.Duration;
import java.util.Map;

/**
 * Uptime of one component over one period, with the figures it was computed from so that a customer
 * can check it.
 *
 * @param period the period measured
 * @param measured the period minus maintenance (and minus any part still in the future)
 * @param excludedMaintenance time taken out for announced maintenance
 * @param downtime weighted downtime: seconds at each status times its weight
 * @param timeAtStatus unweighted time spent at each non-operational status
 * @param worst the worst status reached in the period
 */
public record Uptime(
    ReportPeriod period,
    Duration measured,
    Duration excludedMaintenance,
    Duration downtime,
    Map<ComponentStatus, Duration> timeAtStatus,
    ComponentStatus worst) {

  public Uptime {
    timeAtStatus = Map.copyOf(timeAtStatus);
  }

  /**
   * Uptime as a ratio between 0 and 1; a period with nothing measured (all maintenance, or not yet
   * begun) counts as fully up, as nothing was promised for it.
   */
  public double ratio() {
    if (measured.isZero()) {
      return 1.0;
    }
    return 1.0 - (double) downtime.toMillis() / measured.toMillis();
  }

  /** Uptime in percent, e.g. {@code 99.95}. */
  public double percent() {
    return ratio() * 100.0;
  }
}
