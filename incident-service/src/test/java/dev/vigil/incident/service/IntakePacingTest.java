package dev.vigil.incident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntakePacingTest {

  static Stream<Arguments> chunks() {
    return Stream.of(
        arguments("no cost known yet: the whole poll", new long[] {}, 100, 100),
        arguments("fast host: the whole poll fits the budget", new long[] {100, 1_000}, 100, 100),
        // 100 events took 30 s: 0.3 s each, a 10 s budget takes 33.
        arguments("starved host: fewer events per transaction", new long[] {100, 30_000}, 100, 33),
        arguments("never fewer than one event", new long[] {1, 60_000}, 100, 1),
        arguments("never more than remain", new long[] {100, 1_000}, 7, 7),
        // 0.3 s, then 0.01 s per event: the average, 0.155 s, takes 64.
        arguments(
            "the cost is averaged over recent chunks",
            new long[] {100, 30_000, 100, 1_000},
            100,
            64));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chunks")
  void aTransactionTakesWhatFitsTheBudget(
      String name, long[] eventsAndMillis, int remaining, int expected) {
    IntakePacing pacing = new IntakePacing(Duration.ofSeconds(10));
    for (int i = 0; i < eventsAndMillis.length; i += 2) {
      pacing.took((int) eventsAndMillis[i], Duration.ofMillis(eventsAndMillis[i + 1]));
    }

    assertThat(pacing.next(remaining)).isEqualTo(expected);
  }
}
