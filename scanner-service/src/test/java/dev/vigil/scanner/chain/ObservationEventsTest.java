package dev.vigil.scanner.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import dev.vigil.scanner.domain.chain.ApiCheck;
import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainComparison.Compared;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.OpSyncStatus;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationEventsTest {

  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  private static final String URL = "https://op.example.com/v2/sk-secret";

  @Test
  void rollupNodeObservationCarriesTheRollupFiguresTheComparisonAndNoUrl() {
    ChainSpec chain =
        new ChainSpec(
            "op-mainnet",
            "OP",
            ChainFamily.EVM,
            "10",
            Duration.ofSeconds(2),
            Map.of("env", "prod", "team", "chains"),
            null);
    ProviderSpec node =
        new ProviderSpec(
            "op-node-1",
            "op-mainnet",
            "op-node",
            ChainFamily.OP_STACK,
            URL,
            Map.of(),
            null,
            null,
            null,
            Map.of("team", "rollups"));
    OpSyncStatus rollup =
        new OpSyncStatus(
            T,
            new BlockRef(500, "0xu", T.minusSeconds(42)),
            new BlockRef(480, "0xs", T.minusSeconds(82)),
            null,
            new BlockRef(9_000, "0xl1", T),
            new BlockRef(8_990, "0xc1", T.minusSeconds(120)));
    ProviderObservation o =
        new ProviderObservation(
            T,
            ChainFamily.OP_STACK,
            "10",
            new BlockRef(500, "0xu", T.minusSeconds(42)),
            null,
            null,
            false,
            12,
            33.0,
            200,
            rollup,
            List.of(),
            Map.of());
    Finding own = new Finding("HEAD_STALLED", Severity.CRITICAL, null, "stalled", Map.of());
    Finding lag = new Finding("LAGGING_BEHIND_BEST", Severity.WARNING, null, "behind", Map.of());
    ChainVerdict verdict =
        new ChainVerdict(HealthStatus.DOWN, List.of(own), 42.0, 0L, 20L, null, null);

    ChainHealthObserved e =
        ObservationEvents.provider(
            chain, node, o, verdict, new Compared(HealthStatus.DOWN, 7L, List.of(lag)));

    assertThat(e.component()).isEqualTo("ROLLUP_NODE");
    assertThat(e.family()).isEqualTo("OP_STACK");
    assertThat(e.unsafeHeadAgeSeconds()).isEqualTo(42.0);
    assertThat(e.l1OriginLagBlocks()).isEqualTo(10);
    assertThat(e.lagBehindBestBlocks()).isEqualTo(7);
    assertThat(e.expectedBlockTimeSeconds()).isEqualTo(2.0);
    assertThat(e.findings())
        .extracting(Finding::code)
        .containsExactly("HEAD_STALLED", "LAGGING_BEHIND_BEST");
    assertThat(e.labels()).containsEntry("env", "prod").containsEntry("team", "rollups");
    assertThat(e.toString()).doesNotContain("sk-secret").doesNotContain("op.example.com");
  }

  @Test
  void apiOfNoChainIsReportedUnderItsOwnId() {
    ApiSpec api =
        new ApiSpec(
            "hl-info",
            "Info",
            null,
            URL,
            new ApiCheck("GET", null, Map.of(), 200, null, null, null),
            null,
            null,
            Map.of());
    ProviderObservation o =
        new ProviderObservation(
            T,
            ChainFamily.HTTP,
            null,
            null,
            null,
            null,
            null,
            null,
            12.0,
            503,
            null,
            List.of(),
            Map.of());
    ChainHealthObserved e =
        ObservationEvents.api(
            api, o, new ChainVerdict(HealthStatus.DOWN, List.of(), null, null, null, null, null));
    assertThat(e.chainId()).isEqualTo("api:hl-info");
    assertThat(e.component()).isEqualTo("API");
    assertThat(e.httpStatus()).isEqualTo(503);
  }
}
