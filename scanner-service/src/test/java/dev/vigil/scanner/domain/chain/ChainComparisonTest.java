package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.chain.ChainComparison.Input;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChainComparisonTest {

  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  private static Input in(String id, long height, String hash, long maxLag) {
    ProviderObservation o =
        new ProviderObservation(
            T,
            ChainFamily.EVM,
            "1",
            new BlockRef(height, hash, T),
            null,
            null,
            false,
            10,
            50.0,
            200,
            null,
            List.of(),
            Map.of());
    return new Input(id, id, o, HealthStatus.HEALTHY, maxLag);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "all at the same head agree",
            List.of(in("a", 100, "x", 3), in("b", 100, "x", 3)),
            "b",
            HealthStatus.HEALTHY,
            0L,
            List.of()),
        Arguments.of(
            "five behind with the chain's limit of 3",
            List.of(in("a", 100, "x", 3), in("b", 95, "y", 3)),
            "b",
            HealthStatus.DEGRADED,
            5L,
            List.of("LAGGING_BEHIND_BEST")),
        Arguments.of(
            "five behind with its own limit of 10",
            List.of(in("a", 100, "x", 3), in("b", 95, "y", 10)),
            "b",
            HealthStatus.HEALTHY,
            5L,
            List.of()),
        Arguments.of(
            "minority hash at the same height is a fork",
            List.of(in("a", 100, "x", 3), in("b", 100, "x", 3), in("c", 100, "z", 3)),
            "c",
            HealthStatus.DOWN,
            0L,
            List.of("FORK_DETECTED")),
        Arguments.of(
            "a lone provider is its own best",
            List.of(in("a", 100, "x", 3)),
            "a",
            HealthStatus.HEALTHY,
            0L,
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void comparesEachProviderWithTheBestOfItsChain(
      String name,
      List<Input> inputs,
      String provider,
      HealthStatus status,
      Long lag,
      List<String> codes) {
    ChainComparison.Result result = new ChainComparison().compare(inputs);
    ChainComparison.Compared compared = result.byProvider().get(provider);
    assertThat(compared.status()).isEqualTo(status);
    assertThat(compared.lagBehindBest()).isEqualTo(lag);
    assertThat(compared.findings()).extracting(Finding::code).containsExactlyElementsOf(codes);
    assertThat(result.standings()).hasSize(inputs.size());
  }
}
