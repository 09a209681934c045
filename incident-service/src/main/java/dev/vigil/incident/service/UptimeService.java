package dev.vigil.incident.service;

import dev.vigil.incident.config.StatusPageConfig;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.sla.DailyUptimes;
import dev.vigil.incident.domain.sla.Impact;
import dev.vigil.incident.domain.sla.ReportPeriod;
import dev.vigil.incident.domain.sla.TimeWindow;
import dev.vigil.incident.domain.sla.Uptime;
import dev.vigil.incident.domain.sla.UptimeCalculator;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Uptime of components, computed from their impact segments and maintenance windows. */
@ApplicationScoped
public class UptimeService {

  /** Daily figures for the status page bars, plus the figure over the whole span. */
  public record DailyUptime(String componentId, List<Uptime> days, Uptime total) {}

  private final ComponentStore store;
  private final UptimeCalculator calculator;
  private final DailyUptimes pageDays;
  private final StatusPageConfig config;
  private final Clock clock;

  public UptimeService(
      ComponentStore store,
      UptimeCalculator calculator,
      DailyUptimes pageDays,
      StatusPageConfig config,
      Clock clock) {
    this.store = store;
    this.calculator = calculator;
    this.pageDays = pageDays;
    this.config = config;
    this.clock = clock;
  }

  /** The last {@code days} days (today included) in the page's time zone. */
  @Transactional
  public DailyUptime daily(String componentId, int days) {
    if (store.component(componentId).isEmpty()) {
      throw ProblemException.notFound("component", componentId);
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, config.timeZone());
    LocalDate first = today.minusDays(days - 1L);
    ReportPeriod span =
        new ReportPeriod(
            ReportPeriod.day(first, config.timeZone()).start(),
            ReportPeriod.day(today, config.timeZone()).end());
    List<Impact> impacts = store.impacts(componentId, span.start(), span.end());
    List<TimeWindow> windows = new ArrayList<>();
    for (Maintenance m : store.maintenances(span.start(), span.end())) {
      if (m.components().contains(componentId)) {
        windows.add(m.window());
      }
    }
    List<Uptime> perDay = new ArrayList<>(days);
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      perDay.add(
          calculator.compute(ReportPeriod.day(day, config.timeZone()), impacts, windows, now));
    }
    return new DailyUptime(componentId, perDay, calculator.compute(span, impacts, windows, now));
  }

  /**
   * {@link #daily} for the status page: the figures of past days are kept ({@link DailyUptimes}),
   * so a refresh reads and computes today only. The total is the sum of the days (it can differ
   * from {@link #daily}'s one-pass total by rounding, under a millisecond per day).
   */
  @Transactional
  public DailyUptime pageDaily(String componentId, int days) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, config.timeZone());
    DailyUptimes.Days result =
        pageDays.days(
            componentId,
            today.minusDays(days - 1L),
            today,
            config.timeZone(),
            now,
            period -> inputs(componentId, period));
    return new DailyUptime(componentId, result.days(), result.total());
  }

  /** Forgets the status page's kept daily figures (maintenance was placed or moved). */
  public void historyChanged() {
    pageDays.forget();
  }

  private DailyUptimes.Inputs inputs(String componentId, ReportPeriod period) {
    List<TimeWindow> windows = new ArrayList<>();
    for (Maintenance m : store.maintenances(period.start(), period.end())) {
      if (m.components().contains(componentId)) {
        windows.add(m.window());
      }
    }
    return new DailyUptimes.Inputs(
        store.impacts(componentId, period.start(), period.end()), windows);
  }
}
