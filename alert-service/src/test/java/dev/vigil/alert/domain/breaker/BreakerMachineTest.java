package dev.vigil.alert.domain.breaker;

import static dev.vigil.events.BreakerState.CLOSED;
import static dev.vigil.events.BreakerState.HALF_OPEN;
import static dev.vigil.events.BreakerState.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.domain.notify.LabelMatcher;
import dev.vigil.events.BreakerChangeCause;
import dev.vigil.events.BreakerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BreakerMachineTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  static final Instant T0 = CLOCK.instant();
  static final List<FiringAlert> FIRING = List.of(new FiringAlert("fp1", "ChainHeadStalled"));
  static final List<FiringAlert> NONE = List.of();

  static BreakerSpec spec(boolean halfOpen) {
    return new BreakerSpec(
        "chain-deposits",
        null,
        ScopeTemplate.parse("chain:{{ chain_id }}"),
        List.of(LabelMatcher.parse("alertname=ChainHeadStalled")),
        Duration.ofMinutes(5),
        halfOpen,
        Duration.ofMinutes(10),
        List.of("pause-deposits"),
        true);
  }

  /** A status that entered {@code state} {@code sinceAgo} seconds before T0. */
  static BreakerStatus status(BreakerState state, long sinceAgo) {
    Instant since = T0.minusSeconds(sinceAgo);
    return new BreakerStatus(state, since, state == OPEN ? since : null, 3, null);
  }

  static Stream<Arguments> automatic() {
    return Stream.of(
        Arguments.of(
            "closed, alert fires: opens",
            true,
            status(CLOSED, 0),
            FIRING,
            OPEN,
            BreakerChangeCause.ALERT_FIRING),
        Arguments.of("closed, nothing firing: stays", true, status(CLOSED, 999), NONE, null, null),
        Arguments.of(
            "open, alert still firing long after: stays",
            true,
            status(OPEN, 9999),
            FIRING,
            null,
            null),
        Arguments.of(
            "open, resolved within min_open: stays", true, status(OPEN, 299), NONE, null, null),
        Arguments.of(
            "open, min_open just elapsed: probes",
            true,
            status(OPEN, 300),
            NONE,
            HALF_OPEN,
            BreakerChangeCause.MIN_OPEN_ELAPSED),
        Arguments.of(
            "open, min_open elapsed, no half-open: closes",
            false,
            status(OPEN, 300),
            NONE,
            CLOSED,
            BreakerChangeCause.MIN_OPEN_ELAPSED),
        Arguments.of(
            "half-open, alert fires again: reopens at once",
            true,
            status(HALF_OPEN, 1),
            FIRING,
            OPEN,
            BreakerChangeCause.ALERT_FIRING),
        Arguments.of(
            "half-open, healthy period not over: stays",
            true,
            status(HALF_OPEN, 599),
            NONE,
            null,
            null),
        Arguments.of(
            "half-open, healthy period over: closes",
            true,
            status(HALF_OPEN, 600),
            NONE,
            CLOSED,
            BreakerChangeCause.HEALTHY_PERIOD_ELAPSED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("automatic")
  void automaticTransitions(
      String name,
      boolean halfOpen,
      BreakerStatus status,
      List<FiringAlert> firing,
      BreakerState expected,
      BreakerChangeCause cause) {
    var t = BreakerMachine.evaluate(spec(halfOpen), status, firing, CLOCK.instant());

    if (expected == null) {
      assertThat(t).isEmpty();
    } else {
      assertThat(t).get().extracting(x -> x.next().state()).isEqualTo(expected);
      assertThat(t.get().cause()).isEqualTo(cause);
      assertThat(t.get().from()).isEqualTo(status.state());
      assertThat(t.get().next().sequence()).isEqualTo(status.sequence() + 1);
      assertThat(t.get().next().since()).isEqualTo(T0);
      assertThat(t.get().actor()).isEqualTo("system");
      assertThat(t.get().manual()).isFalse();
    }
  }

  @Test
  void openingNamesTheAlertsAndTheEarliestClose() {
    Transition t = BreakerMachine.evaluate(spec(true), status(CLOSED, 0), FIRING, T0).orElseThrow();

    assertThat(t.reason()).contains("ChainHeadStalled (fp1)");
    assertThat(t.alerts()).isEqualTo(FIRING);
    assertThat(t.next().openedAt()).isEqualTo(T0);
    assertThat(t.earliestCloseAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void probingAnnouncesWhenItWillClose() {
    Transition t = BreakerMachine.evaluate(spec(true), status(OPEN, 300), NONE, T0).orElseThrow();

    assertThat(t.earliestCloseAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  static Stream<Arguments> nextChecks() {
    return Stream.of(
        Arguments.of("closed: only an alert can change it", status(CLOSED, 0), false, null),
        Arguments.of("open with alerts: only their end", status(OPEN, 60), true, null),
        Arguments.of(
            "open, none firing: end of min_open", status(OPEN, 60), false, T0.plusSeconds(240)),
        Arguments.of(
            "half-open: end of healthy period", status(HALF_OPEN, 60), false, T0.plusSeconds(540)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextChecks")
  void nextCheck(String name, BreakerStatus status, boolean anyFiring, Instant expected) {
    assertThat(BreakerMachine.nextCheck(spec(true), status, anyFiring)).isEqualTo(expected);
  }

  @Test
  void forcedOpenWinsOverHealthUntilCleared() {
    ManualOverride o = ManualOverride.of(OPEN, "alice", "node upgrade", null, T0);
    Transition forced = BreakerMachine.force(spec(true), status(CLOSED, 60), NONE, o);

    assertThat(forced.next().state()).isEqualTo(OPEN);
    assertThat(forced.cause()).isEqualTo(BreakerChangeCause.MANUAL_OVERRIDE);
    assertThat(forced.actor()).isEqualTo("alice");
    assertThat(forced.manual()).isTrue();
    assertThat(forced.reason()).contains("alice").contains("node upgrade");
    assertThat(forced.earliestCloseAt()).isNull();
    // Hours later, nothing firing: the override holds.
    assertThat(BreakerMachine.evaluate(spec(true), forced.next(), NONE, T0.plusSeconds(36_000)))
        .isEmpty();
    assertThat(BreakerMachine.nextCheck(spec(true), forced.next(), false)).isNull();

    Transition cleared =
        BreakerMachine.clear(spec(true), forced.next(), NONE, "bob", "done", T0.plusSeconds(600));
    assertThat(cleared.next().state()).isEqualTo(HALF_OPEN);
    assertThat(cleared.next().override()).isNull();
    assertThat(cleared.cause()).isEqualTo(BreakerChangeCause.OVERRIDE_CLEARED);
    assertThat(cleared.actor()).isEqualTo("bob");
    assertThat(cleared.next().sequence()).isEqualTo(forced.next().sequence() + 1);
  }

  @Test
  void forcedClosedHoldsWhileAlertsFireAndTheyReopenItWhenCleared() {
    ManualOverride o = ManualOverride.of(CLOSED, "alice", "false positive", null, T0);
    Transition forced = BreakerMachine.force(spec(true), status(OPEN, 10), FIRING, o);

    assertThat(forced.next().state()).isEqualTo(CLOSED);
    assertThat(BreakerMachine.evaluate(spec(true), forced.next(), FIRING, T0.plusSeconds(5)))
        .isEmpty();

    Transition cleared =
        BreakerMachine.clear(
            spec(true), forced.next(), FIRING, "alice", "fixed", T0.plusSeconds(9));
    assertThat(cleared.next().state()).isEqualTo(OPEN);
    assertThat(cleared.next().openedAt()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void forcingTheCurrentStateIsStillPublished() {
    ManualOverride o = ManualOverride.of(OPEN, "alice", "hold it", null, T0);
    Transition forced = BreakerMachine.force(spec(true), status(OPEN, 10), FIRING, o);

    assertThat(forced.from()).isEqualTo(OPEN);
    assertThat(forced.next().state()).isEqualTo(OPEN);
    assertThat(forced.next().since()).isEqualTo(T0.minusSeconds(10));
    assertThat(forced.next().override()).isEqualTo(o);
  }

  @Test
  void anExpiredOverrideHandsBackToTheAlerts() {
    Instant until = T0.plusSeconds(60);
    ManualOverride o = ManualOverride.of(CLOSED, "alice", "maintenance", until, T0);
    BreakerStatus pinned = BreakerMachine.force(spec(true), status(CLOSED, 10), FIRING, o).next();

    assertThat(BreakerMachine.nextCheck(spec(true), pinned, true)).isEqualTo(until);
    assertThat(BreakerMachine.evaluate(spec(true), pinned, FIRING, until.minusMillis(1))).isEmpty();
    Transition expired = BreakerMachine.evaluate(spec(true), pinned, FIRING, until).orElseThrow();
    assertThat(expired.cause()).isEqualTo(BreakerChangeCause.OVERRIDE_EXPIRED);
    assertThat(expired.actor()).isEqualTo("system");
    assertThat(expired.next().state()).isEqualTo(OPEN);
    assertThat(expired.next().override()).isNull();
  }
}
