package dev.vigil.incident.domain.sla;

import static dev.vigil.incident.domain.sla.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.vigil.incident.domain.sla.ComponentStatus.MAJOR_OUTAGE;
import static dev.vigil.incident.domain.sla.ComponentStatus.OPERATIONAL;
import static dev.vigil.incident.domain.sla.ComponentStatus.PARTIAL_OUTAGE;
import static dev.vigil.incident.domain.sla.ComponentStatus.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UptimeCalculatorTest {

  /** A 30-day month: 43,200 minutes, so 43.2 minutes is 0.1%. */
  static final ReportPeriod JUNE = ReportPeriod.month(YearMonth.of(2026, 6), ZoneOffset.UTC);

  static final Instant AFTER_JUNE = Instant.parse("2026-07-15T00:00:00Z");

  static Instant june(int day, int hour, int minute) {
    return Instant.parse("2026-06-01T00:00:00Z")
        .plus(Duration.ofDays(day - 1).plusHours(hour).plusMinutes(minute));
  }

  static Impact impact(ComponentStatus status, Instant start, Instant end) {
    return new Impact("inc-" + start, status, start, end);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("no incidents: fully up", List.of(), List.of(), 0L, OPERATIONAL),
        arguments(
            "one hour major outage counts in full",
            List.of(impact(MAJOR_OUTAGE, june(3, 10, 0), june(3, 11, 0))),
            List.of(),
            60L,
            MAJOR_OUTAGE),
        arguments(
            "partial outage counts at 30%",
            List.of(impact(PARTIAL_OUTAGE, june(3, 10, 0), june(3, 11, 40))),
            List.of(),
            30L,
            PARTIAL_OUTAGE),
        arguments(
            "degraded performance is not downtime",
            List.of(impact(DEGRADED_PERFORMANCE, june(3, 10, 0), june(3, 20, 0))),
            List.of(),
            0L,
            DEGRADED_PERFORMANCE),
        arguments(
            "overlapping outages count once, the worst wins",
            List.of(
                impact(MAJOR_OUTAGE, june(3, 10, 0), june(3, 11, 0)),
                impact(MAJOR_OUTAGE, june(3, 10, 30), june(3, 11, 30)),
                impact(PARTIAL_OUTAGE, june(3, 10, 0), june(3, 12, 0))),
            List.of(),
            // 10:00-11:30 major (90), 11:30-12:00 partial (30 * 0.3 = 9)
            99L,
            MAJOR_OUTAGE),
        arguments(
            "maintenance window is excluded even when an outage overlaps it",
            List.of(impact(MAJOR_OUTAGE, june(3, 10, 0), june(3, 12, 0))),
            List.of(new TimeWindow(june(3, 11, 0), june(3, 13, 0))),
            60L,
            MAJOR_OUTAGE),
        arguments(
            "an incident that began before the period counts only inside it",
            List.of(impact(MAJOR_OUTAGE, june(1, 0, 0).minus(Duration.ofHours(5)), june(1, 1, 0))),
            List.of(),
            60L,
            MAJOR_OUTAGE),
        arguments(
            "an open incident runs to the end of the period",
            List.of(impact(MAJOR_OUTAGE, june(30, 23, 0), null)),
            List.of(),
            60L,
            MAJOR_OUTAGE),
        arguments(
            "incidents after the period are ignored",
            List.of(impact(MAJOR_OUTAGE, AFTER_JUNE, AFTER_JUNE.plusSeconds(60))),
            List.of(),
            0L,
            OPERATIONAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void computesWeightedDowntime(
      String name,
      List<Impact> impacts,
      List<TimeWindow> maintenance,
      long downtimeMinutes,
      ComponentStatus worst) {
    Uptime uptime =
        new UptimeCalculator(UptimeRules.defaults())
            .compute(JUNE, impacts, maintenance, AFTER_JUNE);

    assertThat(uptime.downtime()).isEqualTo(Duration.ofMinutes(downtimeMinutes));
    assertThat(uptime.worst()).isEqualTo(worst);
    Duration excluded =
        maintenance.stream()
            .map(w -> Duration.between(w.start(), w.end()))
            .reduce(Duration.ZERO, Duration::plus);
    assertThat(uptime.measured()).isEqualTo(JUNE.length().minus(excluded));
    assertThat(uptime.ratio())
        .isCloseTo(
            1.0 - (double) downtimeMinutes / uptime.measured().toMinutes(),
            org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void maintenanceOnlyMarksTheWorstStatusAsMaintenance() {
    Uptime uptime =
        new UptimeCalculator(UptimeRules.defaults())
            .compute(
                JUNE, List.of(), List.of(new TimeWindow(june(2, 0, 0), june(2, 4, 0))), AFTER_JUNE);

    assertThat(uptime.worst()).isEqualTo(UNDER_MAINTENANCE);
    assertThat(uptime.excludedMaintenance()).isEqualTo(Duration.ofHours(4));
    assertThat(uptime.percent()).isEqualTo(100.0);
  }

  @Test
  void aPeriodInProgressIsMeasuredUpToNow() {
    Instant now = june(11, 0, 0);
    Uptime uptime =
        new UptimeCalculator(UptimeRules.defaults())
            .compute(JUNE, List.of(impact(MAJOR_OUTAGE, june(10, 0, 0), null)), List.of(), now);

    assertThat(uptime.measured()).isEqualTo(Duration.ofDays(10));
    assertThat(uptime.downtime()).isEqualTo(Duration.ofDays(1));
    assertThat(uptime.percent()).isCloseTo(90.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aPeriodNotYetBegunIsFullyUp() {
    Uptime uptime =
        new UptimeCalculator(UptimeRules.defaults())
            .compute(JUNE, List.of(), List.of(), june(1, 0, 0).minusSeconds(1));

    assertThat(uptime.measured()).isZero();
    assertThat(uptime.ratio()).isEqualTo(1.0);
  }

  @Test
  void customWeightsChangeWhatCounts() {
    Uptime uptime =
        new UptimeCalculator(UptimeRules.of(1.0, 1.0, 0.5))
            .compute(
                JUNE,
                List.of(
                    impact(PARTIAL_OUTAGE, june(3, 0, 0), june(3, 1, 0)),
                    impact(DEGRADED_PERFORMANCE, june(4, 0, 0), june(4, 1, 0))),
                List.of(),
                AFTER_JUNE);

    assertThat(uptime.downtime()).isEqualTo(Duration.ofMinutes(90));
    assertThat(uptime.timeAtStatus())
        .containsEntry(PARTIAL_OUTAGE, Duration.ofHours(1))
        .containsEntry(DEGRADED_PERFORMANCE, Duration.ofHours(1));
  }

  @Test
  void daysFollowTheCustomersTimeZone() {
    ReportPeriod day = ReportPeriod.day(LocalDate.of(2026, 6, 3), ZoneId.of("Asia/Tokyo"));

    assertThat(day.start()).isEqualTo(Instant.parse("2026-06-02T15:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void rejectsWeightsOutsideZeroToOne() {
    assertThatThrownBy(() -> UptimeRules.of(1.5, 0.3, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("majorOutage");
  }
}
