package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Thresholds default from the block time; the chain overrides them, the provider overrides both.
 */
class ThresholdsTest {

  private static ChainSpec chain(ThresholdOverrides overrides) {
    return new ChainSpec(
        "op", "OP", ChainFamily.EVM, "10", Duration.ofSeconds(2), Map.of(), overrides);
  }

  private static ProviderSpec provider(ThresholdOverrides overrides) {
    return new ProviderSpec(
        "p",
        "op",
        "P",
        ChainFamily.EVM,
        "https://rpc.example.com",
        Map.of(),
        null,
        null,
        overrides,
        Map.of());
  }

  @Test
  void withoutOverridesTheBlockTimeDecides() {
    ChainExpectations e = provider(null).expectations(chain(null));
    assertThat(e).isEqualTo(ChainExpectations.forBlockTime("10", Duration.ofSeconds(2)));
    assertThat(e.maxHeadAge()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void chainOverridesApplyToEveryProvider() {
    ChainExpectations e =
        provider(null).expectations(chain(new ThresholdOverrides(6L, 10L, null, null, null)));
    assertThat(e.maxHeadAge()).isEqualTo(Duration.ofSeconds(6));
    assertThat(e.maxLagBehindBest()).isEqualTo(10);
    assertThat(e.maxLatency()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void providerOverridesWinOverTheChainsAndKeepTheRest() {
    ChainExpectations e =
        provider(new ThresholdOverrides(null, 50L, 800L, null, null))
            .expectations(chain(new ThresholdOverrides(6L, 10L, 300L, null, 600L)));
    assertThat(e.maxHeadAge()).isEqualTo(Duration.ofSeconds(6));
    assertThat(e.maxLagBehindBest()).isEqualTo(50);
    assertThat(e.maxLatency()).isEqualTo(Duration.ofMillis(800));
    assertThat(e.maxFinalizedLag()).isEqualTo(Duration.ofMinutes(10));
    assertThat(e.expectedChainId()).isEqualTo("10");
  }
}
