package dev.vigil.incident.domain.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
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

  /**
   * The uptime over {@code period} from the figures of consecutive parts that cover it (e.g. its
   * days): times add up, the worst status is the worst of the parts. Weighted downtime is rounded
   * to the millisecond per part, so the sum may differ from a one-pass computation by less than a
   * millisecond per part.
   */
  public static Uptime combined(ReportPeriod period, List<Uptime> parts) {
    Duration measured = Duration.ZERO;
    Duration excluded = Duration.ZERO;
    Duration downtime = Duration.ZERO;
    Map<ComponentStatus, Duration> atStatus = new EnumMap<>(ComponentStatus.class);
    ComponentStatus worst = ComponentStatus.OPERATIONAL;
    for (Uptime part : parts) {
      measured = measured.plus(part.measured());
      excluded = excluded.plus(part.excludedMaintenance());
      downtime = downtime.plus(part.downtime());
      part.timeAtStatus().forEach((status, d) -> atStatus.merge(status, d, Duration::plus));
      worst = worst.worst(part.worst());
    }
    return new Uptime(period, measured, excluded, downtime, atStatus, worst);
  }

  /** Uptime in percent, e.g. {@code 99.95}. */
  public double percent() {
    return ratio() * 100.0;
  }
}
