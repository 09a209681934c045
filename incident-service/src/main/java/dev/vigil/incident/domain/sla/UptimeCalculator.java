package dev.vigil.incident.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Computes a component's uptime from its incident record. The rules, in order:
 *
 * <ol>
 *   <li>Only the part of the period up to {@code now} is measured: a month in progress reports the
 *       uptime so far.
 *   <li>Time inside an announced maintenance window is excluded from the measured time, whatever
 *       happened in it.
 *   <li>Where incidents overlap, the worst status counts, once: two overlapping partial outages are
 *       one partial outage, not two.
 *   <li>Each second at a status counts as downtime by the status's weight ({@link UptimeRules}).
 * </ol>
 *
 * <p>The calculation sweeps over the boundaries of impacts and windows, so its cost grows with the
 * number of incidents, not with the length of the period.
 */
public final class UptimeCalculator {

  private final UptimeRules rules;

  public UptimeCalculator(UptimeRules rules) {
    this.rules = rules;
  }

  /**
   * @param impacts the component's impacts; ones outside the period are ignored
   * @param maintenance the component's maintenance windows; ones outside the period are ignored
   */
  public Uptime compute(
      ReportPeriod period, List<Impact> impacts, List<TimeWindow> maintenance, Instant now) {
    Instant end = now.isBefore(period.end()) ? now : period.end();
    Instant start = period.start();
    Map<ComponentStatus, Duration> atStatus = new EnumMap<>(ComponentStatus.class);
    if (!end.isAfter(start)) {
      return new Uptime(
          period,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          atStatus,
          ComponentStatus.OPERATIONAL);
    }
    List<Impact> relevant = new ArrayList<>();
    TreeSet<Instant> cuts = new TreeSet<>(List.of(start, end));
    for (Impact impact : impacts) {
      Instant impactEnd = impact.endOr(end);
      if (impact.start().isBefore(end) && impactEnd.isAfter(start)) {
        relevant.add(impact);
        addCut(cuts, impact.start(), start, end);
        addCut(cuts, impactEnd, start, end);
      }
    }
    List<TimeWindow> windows = new ArrayList<>();
    for (TimeWindow window : maintenance) {
      if (window.overlaps(start, end)) {
        windows.add(window);
        addCut(cuts, window.start(), start, end);
        addCut(cuts, window.end(), start, end);
      }
    }
    Duration measured = Duration.ZERO;
    Duration excluded = Duration.ZERO;
    double downtimeMillis = 0;
    ComponentStatus worst = ComponentStatus.OPERATIONAL;
    Instant from = null;
    for (Instant to : cuts) {
      if (from != null) {
        Duration piece = Duration.between(from, to);
        if (inAny(windows, from)) {
          excluded = excluded.plus(piece);
          worst = worst.worst(ComponentStatus.UNDER_MAINTENANCE);
        } else {
          measured = measured.plus(piece);
          ComponentStatus status = statusAt(relevant, from, end);
          if (status != ComponentStatus.OPERATIONAL) {
            atStatus.merge(status, piece, Duration::plus);
            downtimeMillis += piece.toMillis() * rules.weight(status);
            worst = worst.worst(status);
          }
        }
      }
      from = to;
    }
    return new Uptime(
        period, measured, excluded, Duration.ofMillis(Math.round(downtimeMillis)), atStatus, worst);
  }

  private static void addCut(TreeSet<Instant> cuts, Instant at, Instant start, Instant end) {
    if (at.isAfter(start) && at.isBefore(end)) {
      cuts.add(at);
    }
  }

  private static boolean inAny(List<TimeWindow> windows, Instant at) {
    return windows.stream().anyMatch(w -> w.contains(at));
  }

  /** The worst status of the impacts covering the instant {@code at} (half-open intervals). */
  private static ComponentStatus statusAt(List<Impact> impacts, Instant at, Instant end) {
    ComponentStatus status = ComponentStatus.OPERATIONAL;
    for (Impact impact : impacts) {
      if (!impact.start().isAfter(at) && impact.endOr(end).isAfter(at)) {
        status = status.worst(impact.status());
      }
    }
    return status;
  }
}
