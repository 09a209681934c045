package dev.vigil.alert.domain.notify;

import static dev.vigil.alert.domain.notify.Alerts.T0;
import static dev.vigil.alert.domain.notify.Alerts.firing;
import static dev.vigil.alert.domain.notify.Alerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlushPlanTest {

  static final GroupTiming T = FlushScheduleTest.T;
  static final Instant NOW = T0.plusSeconds(600);

  static SentState sent(Set<String> firing, Set<String> resolved, long secondsAgo) {
    return new SentState(firing, resolved, NOW.minusSeconds(secondsAgo));
  }

  static Stream<Arguments> dedup() {
    return Stream.of(
        // name, last, firing, resolved, sendResolved, expected (Alertmanager's needsUpdate)
        Arguments.of(
            "first notification with firing alerts", null, Set.of("a"), Set.of(), true, true),
        Arguments.of(
            "nothing ever notified, only resolved", null, Set.of(), Set.of("a"), true, false),
        Arguments.of(
            "same firing set within repeat",
            sent(Set.of("a"), Set.of(), 60),
            Set.of("a"),
            Set.of(),
            true,
            false),
        Arguments.of(
            "a new firing alert",
            sent(Set.of("a"), Set.of(), 60),
            Set.of("a", "b"),
            Set.of(),
            true,
            true),
        Arguments.of(
            "fewer firing, none newly resolved",
            sent(Set.of("a", "b"), Set.of(), 60),
            Set.of("a"),
            Set.of(),
            false,
            false),
        Arguments.of(
            "newly resolved with send_resolved",
            sent(Set.of("a", "b"), Set.of(), 60),
            Set.of("a"),
            Set.of("b"),
            true,
            true),
        Arguments.of(
            "newly resolved without send_resolved",
            sent(Set.of("a", "b"), Set.of(), 60),
            Set.of("a"),
            Set.of("b"),
            false,
            false),
        Arguments.of(
            "all resolved after firing was announced",
            sent(Set.of("a"), Set.of(), 60),
            Set.of(),
            Set.of("a"),
            true,
            true),
        Arguments.of(
            "fired and resolved between flushes: quiet",
            sent(Set.of(), Set.of("x"), 60),
            Set.of(),
            Set.of("a"),
            true,
            false),
        Arguments.of(
            "repeat interval passed",
            sent(Set.of("a"), Set.of(), 14_400),
            Set.of("a"),
            Set.of(),
            true,
            true),
        Arguments.of(
            "just before repeat interval",
            sent(Set.of("a"), Set.of(), 14_399),
            Set.of("a"),
            Set.of(),
            true,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dedup")
  void decidesLikeAlertmanagersDedupStage(
      String name,
      SentState last,
      Set<String> firing,
      Set<String> resolved,
      boolean sendResolved,
      boolean expected) {
    assertThat(SentState.needsUpdate(last, firing, resolved, sendResolved, T.repeatInterval(), NOW))
        .isEqualTo(expected);
  }

  @Test
  void silencedAlertsAreLeftOutAndLookedAtAgainNextInterval() {
    FlushPlan plan =
        FlushPlan.plan(
            List.of(firing("a"), firing("b")),
            a -> a.fingerprint().equals("b"),
            false,
            null,
            true,
            T,
            NOW);
    assertThat(plan.send()).isTrue();
    assertThat(plan.firing()).extracting(NotifyAlert::fingerprint).containsExactly("a");
    assertThat(plan.nextFlushAt()).isEqualTo(NOW.plus(T.groupInterval()));
  }

  @Test
  void resolvedAlertsLeaveTheGroupAfterTheFlush() {
    FlushPlan plan =
        FlushPlan.plan(
            List.of(firing("a"), resolved("b")),
            a -> false,
            false,
            sent(Set.of("a", "b"), Set.of(), 60),
            true,
            T,
            NOW);
    assertThat(plan.send()).isTrue();
    assertThat(plan.resolved()).extracting(NotifyAlert::fingerprint).containsExactly("b");
    assertThat(plan.dropped()).containsExactly("b");
    assertThat(plan.sent().firing()).containsExactly("a");
    assertThat(plan.nextFlushAt()).isEqualTo(NOW.plus(T.repeatInterval()));
  }

  @Test
  void aGroupWithOnlyResolvedAlertsGoesIdle() {
    FlushPlan plan =
        FlushPlan.plan(
            List.of(resolved("a")),
            a -> false,
            false,
            sent(Set.of("a"), Set.of(), 60),
            true,
            T,
            NOW);
    assertThat(plan.send()).isTrue();
    assertThat(plan.firing()).isEmpty();
    assertThat(plan.nextFlushAt()).isNull();
  }

  @Test
  void timeMutedGroupsSendNothingAndKeepTheirResolvedAlerts() {
    FlushPlan plan =
        FlushPlan.plan(List.of(firing("a"), resolved("b")), a -> false, true, null, true, T, NOW);
    assertThat(plan.send()).isFalse();
    assertThat(plan.dropped()).isEmpty();
    assertThat(plan.sent()).isNull();
    assertThat(plan.nextFlushAt()).isEqualTo(NOW.plus(T.groupInterval()));
  }

  @Test
  void withoutSendResolvedResolvedAlertsAreNotAnnounced() {
    FlushPlan plan =
        FlushPlan.plan(List.of(firing("c"), resolved("b")), a -> false, false, null, false, T, NOW);
    assertThat(plan.resolved()).isEmpty();
    assertThat(plan.firing()).extracting(NotifyAlert::fingerprint).containsExactly("c");
  }
}
