package dev.vigil.incident.domain.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The status page's daily uptime bars, keeping the figures of days that are over. A past day's
 * uptime cannot change: impact segments start and end at the moment of the change that makes them,
 * never in the past, so only today's figure moves. Recomputing 90 days per component over the whole
 * incident history every few seconds was most of the page's refresh; now a refresh reads and
 * computes today only, plus any day not computed yet (after a restart, or at midnight).
 *
 * <p>Announced maintenance can be placed or moved in the past; whoever changes it calls {@link
 * #forget}, and every day is computed afresh on the next refresh.
 */
public final class DailyUptimes {

  /** A component's impacts and maintenance windows overlapping a period. */
  public record Inputs(List<Impact> impacts, List<TimeWindow> maintenance) {}

  /** The days' figures, oldest first, and the figure over all of them. */
  public record Days(List<Uptime> days, Uptime total) {}

  private final UptimeCalculator calculator;
  private final Map<String, Map<LocalDate, Uptime>> past = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  public DailyUptimes(UptimeCalculator calculator) {
    this.calculator = calculator;
  }

  /**
   * Uptime per day from {@code first} to {@code today} (the day of {@code now} in {@code zone}).
   *
   * @param load reads the component's inputs overlapping a period; called at most twice: once for
   *     the span of the past days not known yet, once for today
   */
  public Days days(
      String componentId,
      LocalDate first,
      LocalDate today,
      ZoneId zone,
      Instant now,
      Function<ReportPeriod, Inputs> load) {
    long seen = generation.get();
    Map<LocalDate, Uptime> known =
        past.computeIfAbsent(componentId, k -> new ConcurrentHashMap<>());
    known.keySet().removeIf(day -> day.isBefore(first) || !day.isBefore(today));
    List<LocalDate> missing = new ArrayList<>();
    for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
      if (!known.containsKey(day)) {
        missing.add(day);
      }
    }
    Map<LocalDate, Uptime> computed = new ConcurrentHashMap<>();
    if (!missing.isEmpty()) {
      ReportPeriod span =
          new ReportPeriod(
              ReportPeriod.day(missing.get(0), zone).start(),
              ReportPeriod.day(missing.get(missing.size() - 1), zone).end());
      Inputs inputs = load.apply(span);
      for (LocalDate day : missing) {
        computed.put(
            day,
            calculator.compute(
                ReportPeriod.day(day, zone), inputs.impacts(), inputs.maintenance(), now));
      }
    }
    ReportPeriod todayPeriod = ReportPeriod.day(today, zone);
    Inputs todays = load.apply(todayPeriod);
    Uptime todayUptime =
        calculator.compute(todayPeriod, todays.impacts(), todays.maintenance(), now);
    // Kept only if nothing was forgotten meanwhile: those figures may predate the change.
    if (generation.get() == seen) {
      known.putAll(computed);
    }
    List<Uptime> days = new ArrayList<>();
    for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
      Uptime u = computed.get(day);
      days.add(u != null ? u : known.get(day));
    }
    days.add(todayUptime);
    ReportPeriod whole = new ReportPeriod(ReportPeriod.day(first, zone).start(), todayPeriod.end());
    return new Days(List.copyOf(days), Uptime.combined(whole, days));
  }

  /** Drops every kept figure (maintenance was placed or moved, possibly in the past). */
  public void forget() {
    generation.incrementAndGet();
    past.clear();
  }
}
