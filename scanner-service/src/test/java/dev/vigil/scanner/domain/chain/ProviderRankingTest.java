package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import dev.vigil.scanner.domain.chain.ProviderRanking.Standing;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderRankingTest {

  private final ProviderRanking ranking = ProviderRanking.withDefaults();

  private static Standing s(String id, HealthStatus status, Long lag, Double latency) {
    return new Standing(id, id.toUpperCase(), status, lag, latency);
  }

  private static final HealthStatus OK = HealthStatus.HEALTHY;
  private static final HealthStatus SLOW = HealthStatus.DEGRADED;
  private static final HealthStatus DOWN = HealthStatus.DOWN;

  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of(
            "healthy before degraded before down, whatever the figures",
            List.of(s("down", DOWN, 0L, 1.0), s("slow", SLOW, 0L, 1.0), s("ok", OK, 9L, 900.0)),
            List.of(),
            List.of("ok", "slow", "down")),
        Arguments.of(
            "less lag first",
            List.of(s("behind", OK, 3L, 10.0), s("current", OK, 0L, 200.0)),
            List.of(),
            List.of("current", "behind")),
        Arguments.of(
            "same lag: faster first",
            List.of(s("slow", OK, 0L, 300.0), s("fast", OK, 0L, 30.0)),
            List.of(),
            List.of("fast", "slow")),
        Arguments.of(
            "unknown lag and latency last among equals",
            List.of(s("blank", SLOW, null, null), s("known", SLOW, 5L, 80.0)),
            List.of(),
            List.of("known", "blank")),
        Arguments.of(
            "near-tie in latency keeps the previous order",
            List.of(s("a", OK, 0L, 52.0), s("b", OK, 0L, 45.0)),
            List.of("a", "b"),
            List.of("a", "b")),
        Arguments.of(
            "one block of lag is a near-tie too",
            List.of(s("a", OK, 1L, 40.0), s("b", OK, 0L, 40.0)),
            List.of("a", "b"),
            List.of("a", "b")),
        Arguments.of(
            "a clearly faster provider overtakes",
            List.of(s("a", OK, 0L, 200.0), s("b", OK, 0L, 40.0)),
            List.of("a", "b"),
            List.of("b", "a")),
        Arguments.of(
            "a provider that fell two blocks behind drops",
            List.of(s("a", OK, 2L, 40.0), s("b", OK, 0L, 40.0)),
            List.of("a", "b"),
            List.of("b", "a")),
        Arguments.of(
            "a status change always reorders",
            List.of(s("a", SLOW, 0L, 40.0), s("b", OK, 0L, 40.0)),
            List.of("a", "b"),
            List.of("b", "a")),
        Arguments.of(
            "newcomer is placed by its figures",
            List.of(s("a", OK, 0L, 50.0), s("b", OK, 0L, 48.0), s("new", OK, 0L, 10.0)),
            List.of("a", "b"),
            List.of("new", "a", "b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void ranksProvidersForFailover(
      String name, List<Standing> standings, List<String> previous, List<String> expected) {
    assertThat(ranking.rank(standings, previous))
        .extracting(Standing::providerId)
        .isEqualTo(expected);
  }

  @Test
  void healthyIdsAreTheHealthyOnesInOrder() {
    var ranked =
        ranking.rank(
            List.of(
                s("down", DOWN, null, null),
                s("b", OK, 0L, 90.0),
                s("a", OK, 0L, 10.0),
                s("slow", SLOW, 0L, 5.0)),
            List.of());
    assertThat(ProviderRanking.healthyIds(ranked)).containsExactly("a", "b");
  }

  @Test
  void rankingChangeIsAChangeOfTheHealthyList() {
    var before = ranking.rank(List.of(s("a", OK, 0L, 10.0), s("b", OK, 0L, 200.0)), List.of());
    var latencyJitter =
        ranking.rank(List.of(s("a", OK, 0L, 14.0), s("b", OK, 0L, 190.0)), List.of("a", "b"));
    var aLagging =
        ranking.rank(List.of(s("a", SLOW, 12L, 10.0), s("b", OK, 0L, 200.0)), List.of("a", "b"));
    assertThat(ProviderRanking.healthyIds(latencyJitter))
        .isEqualTo(ProviderRanking.healthyIds(before));
    assertThat(ProviderRanking.healthyIds(aLagging)).containsExactly("b");
  }

  static Stream<Arguments> effectiveStatuses() {
    Finding lag =
        new Finding(ProviderComparison.LAGGING_BEHIND_BEST, Severity.WARNING, null, "", Map.of());
    Finding fork =
        new Finding(ProviderComparison.FORK_DETECTED, Severity.CRITICAL, null, "", Map.of());
    return Stream.of(
        Arguments.of("healthy and agreeing", OK, List.of(), OK),
        Arguments.of("healthy but lagging", OK, List.of(lag), SLOW),
        Arguments.of("healthy but on a fork", OK, List.of(fork), DOWN),
        Arguments.of("degraded stays degraded", SLOW, List.of(), SLOW),
        Arguments.of("down stays down", DOWN, List.of(lag), DOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("effectiveStatuses")
  void comparisonFindingsWorsenTheStatus(
      String name, HealthStatus own, List<Finding> comparison, HealthStatus expected) {
    assertThat(ProviderRanking.effectiveStatus(own, comparison)).isEqualTo(expected);
  }
}
