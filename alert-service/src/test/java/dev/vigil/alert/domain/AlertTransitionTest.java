package dev.vigil.alert.domain;

import static dev.vigil.alert.domain.AlertTransition.DEESCALATE;
import static dev.vigil.alert.domain.AlertTransition.ESCALATE;
import static dev.vigil.alert.domain.AlertTransition.FIRE;
import static dev.vigil.alert.domain.AlertTransition.NONE;
import static dev.vigil.alert.domain.AlertTransition.REFIRE;
import static dev.vigil.alert.domain.AlertTransition.REFRESH;
import static dev.vigil.alert.domain.AlertTransition.RESOLVE;
import static dev.vigil.events.Severity.CRITICAL;
import static dev.vigil.events.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Severity;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertTransitionTest {

  private static final AlertState NO_ALERT = null;
  private static final Severity HEALTHY = null;

  static Stream<Arguments> table() {
    return Stream.of(
        row("nothing stored, healthy: nothing to do", NO_ALERT, HEALTHY, false, NONE),
        row("nothing stored, warning: fire", NO_ALERT, WARNING, false, FIRE),
        row("nothing stored, critical: fire", NO_ALERT, CRITICAL, false, FIRE),
        row("nothing stored, no data: nothing", NO_ALERT, HEALTHY, true, NONE),
        row("firing warning, healthy: resolve", firing(WARNING), HEALTHY, false, RESOLVE),
        row("firing critical, healthy: resolve", firing(CRITICAL), HEALTHY, false, RESOLVE),
        row("firing warning, still warning: refresh", firing(WARNING), WARNING, false, REFRESH),
        row("firing critical, still critical: refresh", firing(CRITICAL), CRITICAL, false, REFRESH),
        row("firing warning, now critical: escalate", firing(WARNING), CRITICAL, false, ESCALATE),
        row(
            "firing critical, now warning: deescalate",
            firing(CRITICAL),
            WARNING,
            false,
            DEESCALATE),
        row("firing, no data: left firing", firing(CRITICAL), HEALTHY, true, NONE),
        row("resolved, healthy: nothing", resolved(WARNING), HEALTHY, false, NONE),
        row("resolved, warning again: refire", resolved(WARNING), WARNING, false, REFIRE),
        row("resolved warning, now critical: refire", resolved(WARNING), CRITICAL, false, REFIRE),
        row("resolved, no data: nothing", resolved(CRITICAL), HEALTHY, true, NONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decidesTheTransition(
      String name, AlertState current, Severity desired, boolean noData, AlertTransition expected) {
    assertThat(AlertTransition.decide(current, desired, noData)).isEqualTo(expected);
  }

  @Test
  void noDataNeverChangesAnything() {
    for (AlertState current :
        new AlertState[] {NO_ALERT, firing(WARNING), resolved(CRITICAL), firing(CRITICAL)}) {
      for (Severity desired : new Severity[] {HEALTHY, WARNING, CRITICAL}) {
        assertThat(AlertTransition.decide(current, desired, true)).isEqualTo(NONE);
      }
    }
  }

  @Test
  void onlyFiringTransitionsPublishAlertFired() {
    EnumSet<AlertTransition> firing = EnumSet.noneOf(AlertTransition.class);
    for (AlertTransition t : AlertTransition.values()) {
      if (t.firesEvent()) {
        firing.add(t);
      }
    }
    assertThat(firing).containsExactlyInAnyOrder(FIRE, REFIRE, ESCALATE, DEESCALATE);
    assertThat(NONE.changesState()).isFalse();
    assertThat(REFRESH.changesState()).isTrue();
  }

  private static Arguments row(
      String name, AlertState current, Severity desired, boolean noData, AlertTransition result) {
    return Arguments.of(name, current, desired, noData, result);
  }

  private static AlertState firing(Severity severity) {
    return AlertState.firing(severity);
  }

  private static AlertState resolved(Severity severity) {
    return AlertState.resolved(severity);
  }
}
