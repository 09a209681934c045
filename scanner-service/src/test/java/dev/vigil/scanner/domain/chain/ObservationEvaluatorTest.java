package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.chain.EvmSnapshot.ProbeError;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationEvaluatorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
  private final ObservationEvaluator evaluator = new ObservationEvaluator();

  private static ProviderObservation chain(
      ChainFamily family,
      Instant at,
      String chainId,
      long height,
      long ageSeconds,
      Boolean syncing,
      Map<String, String> evidence) {
    return new ProviderObservation(
        at,
        family,
        chainId,
        new BlockRef(height, "h" + height, at.minusSeconds(ageSeconds)),
        null,
        null,
        syncing,
        null,
        30.0,
        200,
        null,
        List.of(),
        evidence);
  }

  /** Every chain family shares the head checks and adds its own; one row per case. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # name,                               family,  expected chain, reported, age s, syncing, health,    status,   finding
          bitcoin synced,                          BITCOIN, main,           main,     300,   false,   ,          HEALTHY,
          bitcoin initial block download,          BITCOIN, main,           main,     300,   true,    ,          DEGRADED, SYNCING
          bitcoin testnet behind a mainnet URL,    BITCOIN, main,           test,     300,   false,   ,          DOWN,     WRONG_CHAIN
          cosmos catching up,                      COSMOS,  cosmoshub-4,    cosmoshub-4, 5,  true,    ,          DEGRADED, SYNCING
          cosmos on another network,               COSMOS,  cosmoshub-4,    osmosis-1, 5,    false,   ,          DOWN,     WRONG_CHAIN
          cosmos stalled,                          COSMOS,  cosmoshub-4,    cosmoshub-4, 120, false,  ,          DOWN,     HEAD_STALLED
          no expected chain means any chain,       COSMOS,  ,               osmosis-1, 5,    false,   ,          HEALTHY,
          solana healthy,                          SOLANA,  genesis,        genesis,  1,     ,        ok,        HEALTHY,
          solana getHealth behind,                 SOLANA,  genesis,        genesis,  1,     ,        behind,    DOWN,     NODE_UNHEALTHY
          solana getHealth unhealthy,              SOLANA,  genesis,        genesis,  1,     ,        unhealthy, DOWN,     NODE_UNHEALTHY
          """)
  void chainFamiliesAreJudged(
      String name,
      ChainFamily family,
      String expectedChain,
      String reported,
      long ageSeconds,
      Boolean syncing,
      String health,
      HealthStatus status,
      String finding) {
    Duration blockTime =
        family == ChainFamily.BITCOIN ? Duration.ofMinutes(10) : Duration.ofSeconds(6);
    Map<String, String> evidence = new HashMap<>();
    if (health != null) {
      evidence.put(ObservationKeys.HEALTH, health);
    }
    ProviderObservation o = chain(family, T0, reported, 100, ageSeconds, syncing, evidence);

    ChainVerdict verdict =
        evaluator.evaluate(o, null, ChainExpectations.forBlockTime(expectedChain, blockTime), null);

    assertThat(verdict.status()).isEqualTo(status);
    if (finding == null) {
      assertThat(verdict.findings()).isEmpty();
    } else {
      assertThat(verdict.findings()).extracting(Finding::code).containsExactly(finding);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # name,                        http status, error,   latency ms, found, value, expected value, status,   finding
          answers as expected,            200,         ,        40,         true,  BTC,   BTC,            HEALTHY,
          no answer,                      ,            TIMEOUT, 2000,       ,      ,      BTC,            DOWN,     API_DOWN
          maintenance page,               503,         ,        40,         true,  BTC,   BTC,            DOWN,     API_UNEXPECTED_STATUS
          path missing,                   200,         ,        40,         false, ,      BTC,            DOWN,     API_ASSERTION_FAILED
          wrong value,                    200,         ,        40,         true,  ETH,   BTC,            DOWN,     API_ASSERTION_FAILED
          any value will do,              200,         ,        40,         true,  ETH,   ,               HEALTHY,
          slow,                           200,         ,        900,        true,  BTC,   BTC,            DEGRADED, API_SLOW
          """)
  void apisAreJudgedByTheirCheck(
      String name,
      Integer httpStatus,
      ProbeFailure error,
      double latency,
      String found,
      String value,
      String expectedValue,
      HealthStatus status,
      String finding) {
    Map<String, String> evidence = new HashMap<>();
    if (found != null) {
      evidence.put(ObservationKeys.JSON_PATH_FOUND, found);
    }
    if (value != null) {
      evidence.put(ObservationKeys.JSON_PATH_VALUE, value);
    }
    List<ProbeError> errors =
        error == null ? List.of() : List.of(new ProbeError("http", error, "x"));
    ProviderObservation o =
        new ProviderObservation(
            T0,
            ChainFamily.HTTP,
            null,
            null,
            null,
            null,
            null,
            null,
            latency,
            httpStatus,
            null,
            errors,
            evidence);
    ApiCheck check =
        new ApiCheck(
            "POST",
            "{}",
            Map.of(),
            200,
            "$.universe[0].name",
            expectedValue,
            Duration.ofMillis(500));

    ChainVerdict verdict = evaluator.evaluate(o, null, null, check);

    assertThat(verdict.status()).isEqualTo(status);
    if (finding == null) {
      assertThat(verdict.findings()).isEmpty();
    } else {
      assertThat(verdict.findings()).extracting(Finding::code).containsExactly(finding);
    }
  }

  @Test
  void blockProductionIsCheckedAcrossTwoProbesForEveryChainFamily() {
    ChainExpectations hub = ChainExpectations.forBlockTime("cosmoshub-4", Duration.ofSeconds(6));
    ProviderObservation before =
        chain(ChainFamily.COSMOS, T0, "cosmoshub-4", 100, 1, false, Map.of());
    ProviderObservation after =
        chain(ChainFamily.COSMOS, T0.plusSeconds(60), "cosmoshub-4", 102, 1, false, Map.of());

    ChainVerdict verdict = evaluator.evaluate(after, before, hub, null);

    assertThat(verdict.blocksSincePrevious()).isEqualTo(2);
    assertThat(verdict.has(EvmHealthEvaluator.SLOW_BLOCK_PRODUCTION)).isTrue();
  }

  @Test
  void aPreviousObservationOfAnotherFamilyIsIgnored() {
    ChainExpectations hub = ChainExpectations.forBlockTime("cosmoshub-4", Duration.ofSeconds(6));
    ProviderObservation before = chain(ChainFamily.EVM, T0, "1", 5000, 1, false, Map.of());
    ProviderObservation after =
        chain(ChainFamily.COSMOS, T0.plusSeconds(6), "cosmoshub-4", 100, 1, false, Map.of());

    ChainVerdict verdict = evaluator.evaluate(after, before, hub, null);

    assertThat(verdict.blocksSincePrevious()).isNull();
    assertThat(verdict.status()).isEqualTo(HealthStatus.HEALTHY);
  }

  @Test
  void anOpStackNodeGetsTheRollupVerdictAndTheSharedProgressChecks() {
    ChainExpectations base = ChainExpectations.forBlockTime(null, Duration.ofSeconds(2));
    ProviderObservation before = opStack(T0, 1000, 1);
    ProviderObservation after = opStack(T0.plusSeconds(10), 990, 1);

    ChainVerdict verdict = evaluator.evaluate(after, before, base, null);

    assertThat(verdict.findings())
        .extracting(Finding::code)
        .containsExactly(EvmHealthEvaluator.HEAD_WENT_BACKWARDS);
    assertThat(verdict.safeLagBlocks()).isEqualTo(300);
    assertThat(verdict.finalizedLagSeconds()).isEqualTo(1200.0);
  }

  @Test
  void aStalledOpStackNodeIsReportedOnceAsUnsafeHeadStalled() {
    ChainExpectations base = ChainExpectations.forBlockTime(null, Duration.ofSeconds(2));

    ChainVerdict verdict = evaluator.evaluate(opStack(T0, 1000, 600), null, base, null);

    assertThat(verdict.findings())
        .extracting(Finding::code)
        .containsExactly(OpStackEvaluator.UNSAFE_HEAD_STALLED);
    assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
  }

  private static ProviderObservation opStack(Instant at, long unsafe, long ageSeconds) {
    Instant unsafeTime = at.minusSeconds(ageSeconds);
    BlockRef head = new BlockRef(unsafe, "u" + unsafe, unsafeTime);
    BlockRef safe = new BlockRef(unsafe - 300, "s", unsafeTime.minusSeconds(600));
    BlockRef finalized = new BlockRef(unsafe - 600, "f", unsafeTime.minusSeconds(1200));
    OpSyncStatus status =
        new OpSyncStatus(
            at,
            head,
            safe,
            finalized,
            new BlockRef(20, "l1", at.minusSeconds(12)),
            new BlockRef(19, "l1c", at.minusSeconds(24)));
    return new ProviderObservation(
        at,
        ChainFamily.OP_STACK,
        null,
        head,
        safe,
        finalized,
        null,
        null,
        20.0,
        200,
        status,
        List.of(),
        Map.of());
  }
}
