package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderComparisonTest {

  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  private final ProviderComparison comparison = new ProviderComparison();

  private static ProviderComparison.View view(
      String id, HealthStatus status, long height, String hash, double latency) {
    return new ProviderComparison.View(
        id, status, new BlockRef(height, hash, T), Map.of(height, hash), latency);
  }

  @Test
  void laggingProviderIsFlaggedAndRankedAfterTheUpToDateOnes() {
    var result =
        comparison.compare(
            List.of(
                view("slow-but-current", HealthStatus.HEALTHY, 1000, "a", 300),
                view("lagging", HealthStatus.HEALTHY, 990, "x", 20),
                view("fast-and-current", HealthStatus.HEALTHY, 1000, "a", 30)),
            3);

    assertThat(result.lagBehindBest())
        .containsEntry("lagging", 10L)
        .containsEntry("fast-and-current", 0L);
    assertThat(result.findings().get("lagging"))
        .extracting(Finding::code)
        .containsExactly("LAGGING_BEHIND_BEST");
    assertThat(result.ranking()).containsExactly("fast-and-current", "slow-but-current", "lagging");
  }

  @Test
  void providerOnAMinorityForkIsFlaggedAndRankedLast() {
    var result =
        comparison.compare(
            List.of(
                view("a", HealthStatus.HEALTHY, 1000, "main", 10),
                view("b", HealthStatus.HEALTHY, 1000, "main", 20),
                view("forked", HealthStatus.HEALTHY, 1000, "other", 5)),
            3);
    assertThat(result.findings().get("forked"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FORK_DETECTED");
              assertThat(f.evidence()).containsEntry("majorityHash", "main");
            });
    assertThat(result.findings().get("a")).isEmpty();
    assertThat(result.ranking()).last().isEqualTo("forked");
  }

  @Test
  void aDownProviderDoesNotSetTheBestHeadAndRanksLast() {
    var result =
        comparison.compare(
            List.of(
                view("down-but-high", HealthStatus.DOWN, 5000, "z", 1),
                view("ok", HealthStatus.HEALTHY, 1000, "a", 50)),
            3);
    assertThat(result.lagBehindBest()).containsEntry("ok", 0L);
    assertThat(result.ranking()).containsExactly("ok", "down-but-high");
  }

  @Test
  void providerThatAnsweredNothingIsRankedLast() {
    var silent = new ProviderComparison.View("silent", HealthStatus.DOWN, null, Map.of(), null);
    var result =
        comparison.compare(List.of(silent, view("ok", HealthStatus.DEGRADED, 10, "a", 5)), 3);
    assertThat(result.ranking()).containsExactly("ok", "silent");
    assertThat(result.lagBehindBest()).doesNotContainKey("silent");
  }
}
