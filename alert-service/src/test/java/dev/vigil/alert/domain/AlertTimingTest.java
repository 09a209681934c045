package dev.vigil.alert.domain;

import static dev.vigil.alert.domain.AlertTransition.CANCEL;
import static dev.vigil.alert.domain.AlertTransition.FIRE;
import static dev.vigil.alert.domain.AlertTransition.KEEP;
import static dev.vigil.alert.domain.AlertTransition.NONE;
import static dev.vigil.alert.domain.AlertTransition.PEND;
import static dev.vigil.alert.domain.AlertTransition.REFRESH;
import static dev.vigil.alert.domain.AlertTransition.RESOLVE;
import static dev.vigil.alert.domain.Observation.HOLD;
import static dev.vigil.alert.domain.Observation.MATCH;
import static dev.vigil.alert.domain.Observation.NO_DATA;
import static dev.vigil.alert.domain.Observation.RECOVERED;
import static dev.vigil.events.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code for}, {@code keep_firing_for} and the hysteresis band, against a fixed clock. */
class AlertTimingTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final RuleTiming FOR_5M = new RuleTiming(Duration.ofMinutes(5), Duration.ZERO);
  private static final RuleTiming KEEP_10M = new RuleTiming(Duration.ZERO, Duration.ofMinutes(10));
  private static final RuleTiming NONE_ = RuleTiming.IMMEDIATE;

  static AlertState pending(Instant since) {
    return new AlertState(AlertStatus.PENDING, WARNING, since, null);
  }

  static AlertState firing(Instant recoveringSince) {
    return new AlertState(AlertStatus.FIRING, WARNING, T0, recoveringSince);
  }

  static Stream<Arguments> decisions() {
    return Stream.of(
        row("for: a first match pends", null, MATCH, FOR_5M, 0, PEND, AlertStatus.PENDING),
        row(
            "for: a match before 5m stays pending",
            pending(T0),
            MATCH,
            FOR_5M,
            299,
            NONE,
            AlertStatus.PENDING),
        row("for: a match at 5m fires", pending(T0), MATCH, FOR_5M, 300, FIRE, AlertStatus.FIRING),
        row(
            "for: recovery cancels",
            pending(T0),
            RECOVERED,
            FOR_5M,
            60,
            CANCEL,
            AlertStatus.INACTIVE),
        row(
            "for: leaving expr inside the band cancels too",
            pending(T0),
            HOLD,
            FOR_5M,
            60,
            CANCEL,
            AlertStatus.INACTIVE),
        row(
            "for: no data keeps pending",
            pending(T0),
            NO_DATA,
            FOR_5M,
            600,
            NONE,
            AlertStatus.PENDING),
        row(
            "for: a cancelled alert pends anew",
            new AlertState(AlertStatus.INACTIVE, WARNING),
            MATCH,
            FOR_5M,
            0,
            PEND,
            AlertStatus.PENDING),
        row("no for: a match fires at once", null, MATCH, NONE_, 0, FIRE, AlertStatus.FIRING),
        row(
            "hysteresis: inside the band a firing alert keeps firing",
            firing(null),
            HOLD,
            NONE_,
            0,
            NONE,
            AlertStatus.FIRING),
        row("hysteresis: inside the band nothing starts", null, HOLD, NONE_, 0, NONE, null),
        row(
            "hysteresis: past the recovery limit it resolves",
            firing(null),
            RECOVERED,
            NONE_,
            0,
            RESOLVE,
            AlertStatus.RESOLVED),
        row(
            "keep_firing_for: a recovery starts the clock",
            firing(null),
            RECOVERED,
            KEEP_10M,
            0,
            KEEP,
            AlertStatus.FIRING),
        row(
            "keep_firing_for: still recovered before 10m",
            firing(T0),
            RECOVERED,
            KEEP_10M,
            599,
            NONE,
            AlertStatus.FIRING),
        row(
            "keep_firing_for: recovered for 10m resolves",
            firing(T0),
            RECOVERED,
            KEEP_10M,
            600,
            RESOLVE,
            AlertStatus.RESOLVED),
        row(
            "keep_firing_for: a match again stops the clock",
            firing(T0),
            MATCH,
            KEEP_10M,
            120,
            REFRESH,
            AlertStatus.FIRING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void decides(
      String name,
      AlertState current,
      Observation observed,
      RuleTiming timing,
      long seconds,
      AlertTransition transition,
      AlertStatus status) {
    Decision d =
        AlertTransition.decide(current, observed, WARNING, timing, T0.plusSeconds(seconds));
    assertThat(d.transition()).isEqualTo(transition);
    assertThat(d.next() == null ? null : d.next().status()).isEqualTo(status);
  }

  static Stream<Arguments> ticks() {
    return Stream.of(
        row(
            "pending before for: nothing",
            pending(T0),
            null,
            FOR_5M,
            299,
            NONE,
            AlertStatus.PENDING),
        row(
            "pending once for elapsed: fires between events",
            pending(T0),
            null,
            FOR_5M,
            300,
            FIRE,
            AlertStatus.FIRING),
        row(
            "kept before keep_firing_for: nothing",
            firing(T0),
            null,
            KEEP_10M,
            599,
            NONE,
            AlertStatus.FIRING),
        row(
            "kept once keep_firing_for elapsed: resolves",
            firing(T0),
            null,
            KEEP_10M,
            600,
            RESOLVE,
            AlertStatus.RESOLVED),
        row(
            "firing without a clock: nothing",
            firing(null),
            null,
            KEEP_10M,
            6000,
            NONE,
            AlertStatus.FIRING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ticks")
  void ticks(
      String name,
      AlertState current,
      Observation unused,
      RuleTiming timing,
      long seconds,
      AlertTransition transition,
      AlertStatus status) {
    Decision d = AlertTransition.tick(current, timing, T0.plusSeconds(seconds));
    assertThat(d.transition()).isEqualTo(transition);
    assertThat(d.next().status()).isEqualTo(status);
  }

  @Test
  void firingFromPendingKeepsTheTimeTheConditionStarted() {
    Decision d = AlertTransition.decide(pending(T0), MATCH, WARNING, FOR_5M, T0.plusSeconds(400));
    assertThat(d.next().activeAt()).isEqualTo(T0);
    assertThat(d.next().recoveringSince()).isNull();
  }

  @Test
  void keptAlertRemembersWhenItRecovered() {
    Instant at = T0.plusSeconds(30);
    Decision d = AlertTransition.decide(firing(null), RECOVERED, WARNING, KEEP_10M, at);
    assertThat(d.next().recoveringSince()).isEqualTo(at);
  }

  private static Arguments row(
      String name,
      AlertState current,
      Observation observed,
      RuleTiming timing,
      long seconds,
      AlertTransition transition,
      AlertStatus status) {
    return Arguments.of(name, current, observed, timing, seconds, transition, status);
  }
}
