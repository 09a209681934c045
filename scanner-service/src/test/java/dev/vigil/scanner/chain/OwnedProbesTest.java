package dev.vigil.scanner.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.chain.ApiCheck;
import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.ProbeCadence;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnedProbesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** A clock the test moves by hand. */
  private static final class TestClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final OwnedProbes owned =
      new OwnedProbes(new ProbeCadence(0, () -> 0.5), Duration.ofSeconds(15), clock);

  private static ChainSpec chain(String id) {
    return new ChainSpec(id, id, ChainFamily.EVM, "1", Duration.ofSeconds(12), Map.of(), null);
  }

  private static ProviderSpec provider(String chain, String id, String url, Long intervalSeconds) {
    return new ProviderSpec(
        id,
        chain,
        id,
        ChainFamily.EVM,
        url,
        Map.of(),
        intervalSeconds == null ? null : Duration.ofSeconds(intervalSeconds),
        null,
        null,
        Map.of());
  }

  private static ProviderObservation observation() {
    return new ProviderObservation(
        T0,
        ChainFamily.EVM,
        "1",
        null,
        null,
        null,
        null,
        null,
        10.0,
        200,
        null,
        List.of(),
        Map.of());
  }

  private static ChainVerdict healthy() {
    return new ChainVerdict(HealthStatus.HEALTHY, List.of(), null, null, null, null, null);
  }

  @Test
  void newProvidersAreDueAtOnceAndThenOneIntervalAfterTheirProbeStarted() {
    owned.upsertChain(
        chain("eth"),
        List.of(provider("eth", "a", "https://a", 10L), provider("eth", "b", "https://b", null)),
        0);
    List<ProbeJob> jobs = owned.claimDue(10);
    assertThat(jobs).extracting(ProbeJob::probeId).containsExactly("a", "b");

    clock.now = T0.plusSeconds(3); // the probes took 3 s
    jobs.forEach(j -> owned.completed(j, T0));
    clock.now = T0.plusSeconds(9);
    assertThat(owned.claimDue(10)).isEmpty();
    clock.now = T0.plusSeconds(10);
    assertThat(owned.claimDue(10)).extracting(ProbeJob::probeId).containsExactly("a");
    clock.now = T0.plusSeconds(15);
    assertThat(owned.claimDue(10)).extracting(ProbeJob::probeId).containsExactly("b");
  }

  @Test
  void aReplayOfTheSameDefinitionKeepsTheScheduleAndAChangeMakesItDueAtOnce() {
    ProviderSpec a = provider("eth", "a", "https://a", 10L);
    owned.upsertChain(chain("eth"), List.of(a), 0);
    ProbeJob job = owned.claimDue(1).get(0);
    owned.completed(job, T0);

    owned.upsertChain(chain("eth"), List.of(a), 3); // replay after a rebalance
    assertThat(owned.claimDue(1)).isEmpty();

    owned.upsertChain(chain("eth"), List.of(provider("eth", "a", "https://a", 20L)), 3);
    assertThat(owned.claimDue(1)).extracting(ProbeJob::probeId).containsExactly("a");
  }

  @Test
  void aDefinitionChangedDuringAProbeMakesItsResultStaleAndIsProbedAgainAtOnce() {
    owned.upsertChain(chain("eth"), List.of(provider("eth", "a", "https://a", 10L)), 0);
    ProbeJob running = owned.claimDue(1).get(0);
    owned.upsertChain(chain("eth"), List.of(provider("eth", "a", "https://new", 10L)), 0);

    assertThat(owned.isCurrent(running)).isFalse();
    assertThat(owned.claimDue(1)).isEmpty(); // still in flight: never two probes at once
    owned.completed(running, T0);
    assertThat(owned.claimDue(1))
        .singleElement()
        .satisfies(j -> assertThat(j.provider().url()).isEqualTo("https://new"));
  }

  @Test
  void providersLeavingTheChainAndRevokedPartitionsAreForgotten() {
    owned.upsertChain(
        chain("eth"),
        List.of(provider("eth", "a", "https://a", 10L), provider("eth", "b", "https://b", 10L)),
        1);
    owned.upsertChain(chain("op"), List.of(provider("op", "c", "https://c", 10L)), 2);
    owned.upsertApi(
        new ApiSpec(
            "x",
            "X",
            null,
            "https://x",
            new ApiCheck("GET", null, Map.of(), 200, null, null, null),
            null,
            null,
            Map.of()),
        2);
    assertThat(owned.size()).isEqualTo(4);

    owned.upsertChain(chain("eth"), List.of(provider("eth", "a", "https://a", 10L)), 1);
    assertThat(owned.size()).isEqualTo(3);

    owned.dropPartitions(List.of(2));
    assertThat(owned.size()).isEqualTo(1);
    assertThat(owned.chain("op")).isNull();
    assertThat(owned.chain("eth")).isNotNull();
    assertThat(owned.claimDue(10)).extracting(ProbeJob::probeId).containsExactly("a");
  }

  @Test
  void previousObservationSurvivesARelabelButNotANewEndpoint() {
    owned.upsertChain(chain("eth"), List.of(provider("eth", "a", "https://a", 10L)), 0);
    ChainState state = owned.chain("eth");
    state.record("a", observation(), healthy());

    owned.upsertChain(chain("eth"), List.of(provider("eth", "a", "https://a", 30L)), 0);
    assertThat(state.previous("a")).isNotNull();

    owned.upsertChain(chain("eth"), List.of(provider("eth", "a", "https://elsewhere", 30L)), 0);
    assertThat(state.previous("a")).isNull();
  }

  @Test
  void awaitNextReturnsNothingWhenNothingIsDue() throws InterruptedException {
    assertThat(owned.awaitNext(Duration.ofMillis(5))).isNull();
  }
}
