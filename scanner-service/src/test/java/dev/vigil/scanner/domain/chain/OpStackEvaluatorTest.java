package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpStackEvaluatorTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final OpStackEvaluator.Limits BASE =
      OpStackEvaluator.Limits.forBlockTime(Duration.ofSeconds(2));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # name,                        unsafe age s, safe behind s, finalized behind s, L1 lag, status,   finding
          healthy rollup,                  1,            600,           1800,               2,      HEALTHY,
          sequencer stalled 33 minutes,    1980,         600,           1800,               2,      DOWN,     UNSAFE_HEAD_STALLED
          batcher not posting,             1,            2400,          3000,               2,      DEGRADED, SAFE_HEAD_LAG
          finality stuck,                  1,            600,           7200,               2,      DEGRADED, FINALIZED_HEAD_LAG
          derivation behind L1,            1,            600,           1800,               40,     DEGRADED, L1_ORIGIN_LAG
          """)
  void rollupNodeIsJudged(
      String name,
      long unsafeAge,
      long safeBehind,
      long finalizedBehind,
      long l1Lag,
      HealthStatus status,
      String finding) {
    Instant unsafeTime = NOW.minusSeconds(unsafeAge);
    OpSyncStatus s =
        new OpSyncStatus(
            NOW,
            new BlockRef(10_000, "u", unsafeTime),
            new BlockRef(10_000 - safeBehind / 2, "s", unsafeTime.minusSeconds(safeBehind)),
            new BlockRef(
                10_000 - finalizedBehind / 2, "f", unsafeTime.minusSeconds(finalizedBehind)),
            new BlockRef(500 + l1Lag, "l1h", NOW),
            new BlockRef(500, "l1c", NOW.minusSeconds(l1Lag * 12)));

    OpStackEvaluator.Verdict verdict = new OpStackEvaluator().evaluate(s, BASE);

    assertThat(verdict.status()).isEqualTo(status);
    assertThat(verdict.unsafeHeadAgeSeconds()).isEqualTo((double) unsafeAge);
    assertThat(verdict.l1OriginLagBlocks()).isEqualTo(l1Lag);
    if (finding == null) {
      assertThat(verdict.findings()).isEmpty();
    } else {
      assertThat(verdict.findings()).extracting(Finding::code).containsExactly(finding);
    }
  }
}
