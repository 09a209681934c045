package dev.vigil.incident.domain.sla;

import static dev.vigil.incident.domain.sla.ComponentStatus.MAJOR_OUTAGE;
import static dev.vigil.incident.domain.sla.ComponentStatus.PARTIAL_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DailyUptimesTest {

  static final ZoneId ZONE = ZoneOffset.UTC;
  static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
  static final LocalDate FIRST = TODAY.minusDays(6);
  static final Instant NOW = Instant.parse("2026-06-10T15:30:00Z");
  static final UptimeCalculator CALCULATOR = new UptimeCalculator(UptimeRules.defaults());

  static Instant at(String t) {
    return Instant.parse(t);
  }

  static Impact impact(ComponentStatus status, String start, String end) {
    return new Impact("inc-" + start, status, at(start), end == null ? null : at(end));
  }

  static Stream<Arguments> histories() {
    return Stream.of(
        arguments("no incidents", List.of(), List.of()),
        arguments(
            "an outage across midnight counts on both days",
            List.of(impact(MAJOR_OUTAGE, "2026-06-05T23:00:00Z", "2026-06-06T01:30:00Z")),
            List.of()),
        arguments(
            "overlapping incidents count once, the worst status",
            List.of(
                impact(PARTIAL_OUTAGE, "2026-06-07T10:00:00Z", "2026-06-07T14:00:00Z"),
                impact(MAJOR_OUTAGE, "2026-06-07T11:00:00Z", "2026-06-07T12:00:00Z")),
            List.of()),
        arguments(
            "an incident still open runs into today",
            List.of(impact(PARTIAL_OUTAGE, "2026-06-09T20:00:00Z", null)),
            List.of()),
        arguments(
            "maintenance across midnight is taken out of both days",
            List.of(impact(MAJOR_OUTAGE, "2026-06-08T22:00:00Z", "2026-06-09T03:00:00Z")),
            List.of(new TimeWindow(at("2026-06-08T23:00:00Z"), at("2026-06-09T02:00:00Z")))));
  }

  /** Inputs overlapping the asked period, counting the asks. */
  record Store(List<Impact> impacts, List<TimeWindow> windows, List<ReportPeriod> asked)
      implements Function<ReportPeriod, DailyUptimes.Inputs> {
    Store(List<Impact> impacts, List<TimeWindow> windows) {
      this(impacts, windows, new ArrayList<>());
    }

    @Override
    public DailyUptimes.Inputs apply(ReportPeriod p) {
      asked.add(p);
      return new DailyUptimes.Inputs(
          impacts.stream()
              .filter(
                  i ->
                      i.start().isBefore(p.end())
                          && (i.end() == null || i.end().isAfter(p.start())))
              .toList(),
          windows.stream().filter(w -> w.overlaps(p.start(), p.end())).toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void keptDaysGiveTheFiguresOfAFullComputation(
      String name, List<Impact> impacts, List<TimeWindow> windows) {
    DailyUptimes uptimes = new DailyUptimes(CALCULATOR);
    Store store = new Store(impacts, windows);

    uptimes.days("api", FIRST, TODAY, ZONE, NOW, store); // computes and keeps the past days
    DailyUptimes.Days again = uptimes.days("api", FIRST, TODAY, ZONE, NOW, store);

    List<Uptime> expected = new ArrayList<>();
    for (LocalDate d = FIRST; !d.isAfter(TODAY); d = d.plusDays(1)) {
      expected.add(CALCULATOR.compute(ReportPeriod.day(d, ZONE), impacts, windows, NOW));
    }
    assertThat(again.days()).isEqualTo(expected);
    ReportPeriod span =
        new ReportPeriod(
            ReportPeriod.day(FIRST, ZONE).start(), ReportPeriod.day(TODAY, ZONE).end());
    Uptime onePass = CALCULATOR.compute(span, impacts, windows, NOW);
    assertThat(again.total().measured()).isEqualTo(onePass.measured());
    assertThat(again.total().excludedMaintenance()).isEqualTo(onePass.excludedMaintenance());
    assertThat(again.total().timeAtStatus()).isEqualTo(onePass.timeAtStatus());
    assertThat(again.total().worst()).isEqualTo(onePass.worst());
    assertThat(again.total().downtime().minus(onePass.downtime()).abs())
        .isLessThanOrEqualTo(Duration.ofMillis(7));
  }

  @Test
  void aRefreshReadsAndComputesTodayOnly() {
    DailyUptimes uptimes = new DailyUptimes(CALCULATOR);
    Store store = new Store(List.of(), List.of());

    uptimes.days("api", FIRST, TODAY, ZONE, NOW, store);
    uptimes.days("api", FIRST, TODAY, ZONE, NOW.plusSeconds(5), store);

    assertThat(store.asked())
        .containsExactly(
            new ReportPeriod(
                ReportPeriod.day(FIRST, ZONE).start(), ReportPeriod.day(TODAY, ZONE).start()),
            ReportPeriod.day(TODAY, ZONE),
            ReportPeriod.day(TODAY, ZONE));
  }

  @Test
  void atMidnightYesterdayIsComputedOnceAndTheOldestDayDropsOut() {
    DailyUptimes uptimes = new DailyUptimes(CALCULATOR);
    Store store = new Store(List.of(), List.of());
    uptimes.days("api", FIRST, TODAY, ZONE, NOW, store);
    store.asked().clear();

    LocalDate tomorrow = TODAY.plusDays(1);
    DailyUptimes.Days next =
        uptimes.days("api", FIRST.plusDays(1), tomorrow, ZONE, NOW.plus(Duration.ofDays(1)), store);

    assertThat(store.asked())
        .containsExactly(ReportPeriod.day(TODAY, ZONE), ReportPeriod.day(tomorrow, ZONE));
    assertThat(next.days()).hasSize(7);
    assertThat(next.days().get(0).period()).isEqualTo(ReportPeriod.day(FIRST.plusDays(1), ZONE));
  }

  @Test
  void forgettingRecomputesEveryDay() {
    DailyUptimes uptimes = new DailyUptimes(CALCULATOR);
    Store before = new Store(List.of(), List.of());
    uptimes.days("api", FIRST, TODAY, ZONE, NOW, before);
    // A window placed in the past, after the days were kept.
    TimeWindow window = new TimeWindow(at("2026-06-05T00:00:00Z"), at("2026-06-05T12:00:00Z"));
    Store after = new Store(List.of(), List.of(window));

    uptimes.forget();
    DailyUptimes.Days days = uptimes.days("api", FIRST, TODAY, ZONE, NOW, after);

    assertThat(days.days().get(1).excludedMaintenance()).isEqualTo(Duration.ofHours(12));
  }
}
