package dev.vigil.alert.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimeIntervalTest {

  /** Weekdays 09:00-17:00 in Berlin. */
  static final TimeInterval BERLIN_OFFICE =
      new TimeInterval(
          List.of(TimeInterval.time("09:00", "17:00")),
          List.of(TimeInterval.weekdays("monday:friday")),
          List.of(),
          List.of(),
          List.of(),
          ZoneId.of("Europe/Berlin"));

  /** The last two days of every month, and all of December 2026. */
  static final TimeInterval MONTH_END =
      new TimeInterval(
          List.of(),
          List.of(),
          List.of(TimeInterval.daysOfMonth("-2:-1")),
          List.of(),
          List.of(),
          null);

  static final TimeInterval DECEMBER_2026 =
      new TimeInterval(
          List.of(),
          List.of(),
          List.of(),
          List.of(TimeInterval.months("december")),
          List.of(TimeInterval.years("2026")),
          null);

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "Wednesday 10:00 Berlin (09:00 UTC, winter)",
            BERLIN_OFFICE,
            "2026-11-25T09:00:00Z",
            true),
        Arguments.of("Wednesday 08:59 Berlin", BERLIN_OFFICE, "2026-11-25T07:59:00Z", false),
        Arguments.of(
            "end is exclusive: 17:00 Berlin", BERLIN_OFFICE, "2026-11-25T16:00:00Z", false),
        Arguments.of("16:59 Berlin", BERLIN_OFFICE, "2026-11-25T15:59:00Z", true),
        Arguments.of("Saturday noon Berlin", BERLIN_OFFICE, "2026-11-28T11:00:00Z", false),
        Arguments.of(
            "summer time: 09:00 Berlin is 07:00 UTC", BERLIN_OFFICE, "2026-07-01T07:00:00Z", true),
        Arguments.of(
            "Monday 00:30 Berlin is Sunday in UTC", BERLIN_OFFICE, "2026-11-29T23:30:00Z", false),
        Arguments.of("30 November is the last day", MONTH_END, "2026-11-30T12:00:00Z", true),
        Arguments.of("29 November is second to last", MONTH_END, "2026-11-29T12:00:00Z", true),
        Arguments.of("28 November is not", MONTH_END, "2026-11-28T12:00:00Z", false),
        Arguments.of("28 February 2026 is the last day", MONTH_END, "2026-02-28T12:00:00Z", true),
        Arguments.of("December 2026", DECEMBER_2026, "2026-12-24T12:00:00Z", true),
        Arguments.of("December 2027", DECEMBER_2026, "2027-12-24T12:00:00Z", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void containsAsAlertmanagerDoes(String name, TimeInterval interval, String at, boolean expected) {
    assertThat(interval.contains(Instant.parse(at))).isEqualTo(expected);
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of(
            "inside a mute interval", List.of("office"), List.of(), "2026-11-25T09:00:00Z", true),
        Arguments.of(
            "outside the mute interval",
            List.of("office"),
            List.of(),
            "2026-11-28T09:00:00Z",
            false),
        Arguments.of(
            "inside the active interval",
            List.of(),
            List.of("office"),
            "2026-11-25T09:00:00Z",
            false),
        Arguments.of(
            "outside the active interval",
            List.of(),
            List.of("office"),
            "2026-11-28T09:00:00Z",
            true),
        Arguments.of("no intervals", List.of(), List.of(), "2026-11-28T09:00:00Z", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void routesAreMutedByTheirIntervals(
      String name, List<String> mute, List<String> active, String at, boolean muted) {
    Route route =
        new Route(
            "{}",
            "{}",
            "r",
            List.of(),
            false,
            GroupTiming.DEFAULTS,
            List.of(),
            false,
            mute,
            active,
            List.of());
    NotifyConfig cfg =
        new NotifyConfig(
            route,
            java.util.Map.of("r", List.of()),
            List.of(),
            java.util.Map.of("office", List.of(BERLIN_OFFICE)),
            null);
    assertThat(cfg.timeMuted(route, Instant.parse(at))).isEqualTo(muted);
  }
}
