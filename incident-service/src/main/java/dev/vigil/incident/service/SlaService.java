package dev.vigil.incident.service;

import dev.vigil.events.ServiceCreditsComputed;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.sla.ReportPeriod;
import dev.vigil.incident.domain.sla.SlaResult;
import dev.vigil.incident.domain.sla.SlaTier;
import dev.vigil.incident.domain.sla.TimeWindow;
import dev.vigil.incident.domain.sla.Uptime;
import dev.vigil.incident.domain.sla.UptimeCalculator;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.SlaStore;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * SLA tiers, the credit report of a period, and closing periods: once a month is over, its report
 * is announced as {@code ServiceCreditsComputed} through the outbox, in the same transaction that
 * marks the period closed.
 */
@ApplicationScoped
public class SlaService {

  /** A period's report: one result per component and tier. */
  public record Report(
      String periodId, ReportPeriod period, ZoneId zone, List<SlaResult> results) {}

  private final SlaStore sla;
  private final ComponentStore components;
  private final UptimeCalculator calculator;
  private final Outbox outbox;
  private final Clock clock;

  public SlaService(
      SlaStore sla,
      ComponentStore components,
      UptimeCalculator calculator,
      Outbox outbox,
      Clock clock) {
    this.sla = sla;
    this.components = components;
    this.calculator = calculator;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public List<SlaTier> tiers() {
    return sla.tiers();
  }

  /** Creates or replaces a tier; its components must exist. Returns whether it was new. */
  @Transactional
  public boolean putTier(SlaTier tier) {
    for (int i = 0; i < tier.components().size(); i++) {
      if (components.component(tier.components().get(i)).isEmpty()) {
        throw ProblemException.invalidField(
            "components[" + i + "]", "no component " + tier.components().get(i));
      }
    }
    return sla.save(tier, clock.instant());
  }

  @Transactional
  public void deleteTier(String tier) {
    if (!sla.deleteTier(tier)) {
      throw ProblemException.notFound("SLA tier", tier);
    }
  }

  /** The report of a month so far (or final, once it is over). */
  @Transactional
  public Report report(YearMonth month, ZoneId zone) {
    ReportPeriod period = ReportPeriod.month(month, zone);
    Instant now = clock.instant();
    List<SlaTier> tiers = sla.tiers();
    List<Maintenance> windows = components.maintenances(period.start(), period.end());
    List<SlaResult> results = new ArrayList<>();
    for (Component component : components.components()) {
      List<TimeWindow> maintenance =
          windows.stream()
              .filter(m -> m.components().contains(component.id()))
              .map(Maintenance::window)
              .toList();
      Uptime uptime =
          calculator.compute(
              period,
              components.impacts(component.id(), period.start(), period.end()),
              maintenance,
              now);
      for (SlaTier tier : tiers) {
        if (tier.covers(component.id())) {
          results.add(tier.policyFor(component.id()).judge(uptime));
        }
      }
    }
    return new Report(periodId(month, zone), period, zone, results);
  }

  /**
   * Closes {@code month} if it is over and not closed yet: announces its report once.
   *
   * @return whether this call closed it
   */
  @Transactional
  public boolean closeIfDue(YearMonth month, ZoneId zone) {
    String id = periodId(month, zone);
    ReportPeriod period = ReportPeriod.month(month, zone);
    Instant now = clock.instant();
    if (!period.closedAt(now) || sla.closed(id)) {
      return false;
    }
    Report report = report(month, zone);
    sla.markClosed(id, period, now);
    outbox.enqueue(Channels.SERVICE_CREDITS, id, now, event(report, now));
    return true;
  }

  /** The month in progress in {@code zone}. */
  public YearMonth currentMonth(ZoneId zone) {
    return YearMonth.now(clock.withZone(zone));
  }

  static String periodId(YearMonth month, ZoneId zone) {
    return month + "@" + zone.getId();
  }

  private static ServiceCreditsComputed event(Report report, Instant now) {
    return new ServiceCreditsComputed(
        report.periodId(),
        report.period().start(),
        report.period().end(),
        report.zone().getId(),
        now,
        report.results().stream()
            .map(
                r ->
                    new ServiceCreditsComputed.Result(
                        r.policy().component(),
                        r.policy().tier(),
                        r.uptime().percent(),
                        r.policy().targetPercent(),
                        r.breached(),
                        r.creditPercent(),
                        r.uptime().downtime().toSeconds(),
                        r.uptime().excludedMaintenance().toSeconds()))
            .toList());
  }
}
