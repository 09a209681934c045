package dev.vigil.incident.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlaPolicyTest {

  static final ReportPeriod JUNE = ReportPeriod.month(YearMonth.of(2026, 6), ZoneOffset.UTC);

  static final SlaPolicy ENTERPRISE =
      new SlaPolicy(
          "api",
          "enterprise",
          99.9,
          List.of(new CreditStep(99.0, 25.0), new CreditStep(99.9, 10.0)));

  /** An uptime over June with the given downtime in minutes (43,200 minutes measured). */
  static Uptime downtime(long minutes) {
    return new Uptime(
        JUNE,
        JUNE.length(),
        Duration.ZERO,
        Duration.ofMinutes(minutes),
        Map.of(),
        ComponentStatus.MAJOR_OUTAGE);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("no downtime", 0L, false, 0.0),
        arguments("43 min = 99.900%: at the target, not below", 43L, false, 0.0),
        arguments("44 min = 99.898%: breached, first step", 44L, true, 10.0),
        arguments("432 min = 99.0%: not below 99, still first step", 432L, true, 10.0),
        arguments("433 min = 98.998%: second step", 433L, true, 25.0),
        arguments("a day down", 1440L, true, 25.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judgesUptimeAgainstTargetAndCreditTable(
      String name, long minutes, boolean breached, double credit) {
    SlaResult result = ENTERPRISE.judge(downtime(minutes));

    assertThat(result.breached()).isEqualTo(breached);
    assertThat(result.creditPercent()).isEqualTo(credit);
  }

  @Test
  void creditTableMustGiveMoreForLessUptime() {
    assertThatThrownBy(
            () ->
                new SlaPolicy(
                    "api",
                    "basic",
                    99.9,
                    List.of(new CreditStep(99.0, 5.0), new CreditStep(99.9, 10.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("smaller credit");
  }

  @Test
  void breachWithoutCreditTableOwesNothing() {
    SlaPolicy bare = new SlaPolicy("api", "free", 99.0, List.of());

    SlaResult result = bare.judge(downtime(1440));

    assertThat(result.breached()).isTrue();
    assertThat(result.creditPercent()).isZero();
  }

  @Test
  void uptimeComputedFromIncidentsFeedsTheJudgement() {
    Impact outage =
        new Impact(
            "inc-1",
            ComponentStatus.MAJOR_OUTAGE,
            Instant.parse("2026-06-10T00:00:00Z"),
            Instant.parse("2026-06-10T08:00:00Z"));
    Uptime uptime =
        new UptimeCalculator(UptimeRules.defaults())
            .compute(JUNE, List.of(outage), List.of(), Instant.parse("2026-07-01T00:00:00Z"));

    SlaResult result = ENTERPRISE.judge(uptime);

    assertThat(result.uptime().percent()).isLessThan(99.0);
    assertThat(result.creditPercent()).isEqualTo(25.0);
  }
}
