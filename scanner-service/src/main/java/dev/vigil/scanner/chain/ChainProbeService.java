package dev.vigil.scanner.chain;

import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.ProviderRankingChanged;
import dev.vigil.events.RankedProvider;
import dev.vigil.events.Severity;
import dev.vigil.scanner.chain.ChainProbing.Probed;
import dev.vigil.scanner.config.ChainConfig;
import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.ChainComparison;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.domain.chain.ProviderRanking;
import dev.vigil.scanner.domain.chain.ProviderRanking.Standing;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import dev.vigil.scanner.messaging.ChainEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One probe of one provider or API: probe and judge (through {@link ChainProbing}), compare with
 * the chain's other providers, publish the observation, re-rank the chain and publish a ranking
 * change. Logs name providers by id, never by URL.
 */
@ApplicationScoped
public class ChainProbeService {

  static final String SECRET_UNAVAILABLE = "SECRET_UNAVAILABLE";
  private static final Logger LOG = Logger.getLogger(ChainProbeService.class);

  private final ChainProbing probing;
  private final OwnedProbes owned;
  private final ChainEventPublisher publisher;
  private final LatestStatusStore store;
  private final HeaderSecrets secrets;
  private final ChainConfig config;
  private final MeterRegistry meters;
  private final Clock clock;
  private final ChainComparison comparison = new ChainComparison();
  private final ProviderRanking ranking = ProviderRanking.withDefaults();

  public ChainProbeService(
      ChainProbing probing,
      OwnedProbes owned,
      ChainEventPublisher publisher,
      LatestStatusStore store,
      HeaderSecrets secrets,
      ChainConfig config,
      MeterRegistry meters,
      Clock clock) {
    this.probing = probing;
    this.owned = owned;
    this.publisher = publisher;
    this.store = store;
    this.secrets = secrets;
    this.config = config;
    this.meters = meters;
    this.clock = clock;
  }

  public void run(ProbeJob job) {
    if (job.isApi()) {
      probeApi(job);
    } else {
      probeProvider(job);
    }
  }

  private void probeProvider(ProbeJob job) {
    ChainSpec chain = job.chain();
    ProviderSpec provider = job.provider();
    ChainState state = owned.chain(chain.id());
    if (state == null) {
      return;
    }
    ChainExpectations expectations = provider.expectations(chain);
    Probed probed =
        probe(
            provider.id(),
            provider.family(),
            provider.url(),
            provider.headers(),
            provider.interval(),
            provider.timeout(),
            null,
            state.previous(provider.id()),
            expectations);
    if (!owned.isCurrent(job)) {
      return; // removed, replaced or moved to another replica during the probe
    }
    ChainHealthObserved event;
    synchronized (state) {
      if (!state.record(provider.id(), probed.observation(), probed.verdict())) {
        return;
      }
      ChainComparison.Result compared = comparison.compare(inputs(state, chain));
      event =
          ObservationEvents.provider(
              chain,
              provider,
              probed.observation(),
              probed.verdict(),
              compared.byProvider().get(provider.id()));
      rerank(state, chain.id(), compared.standings());
    }
    publish(LatestStatusStore.PROVIDER, event);
  }

  private void probeApi(ProbeJob job) {
    ApiSpec api = job.api();
    Probed probed =
        probe(
            api.id(),
            ChainFamily.HTTP,
            api.url(),
            api.check().headers(),
            api.interval(),
            api.timeout(),
            api.check(),
            null,
            null);
    if (owned.isCurrent(job)) {
      publish(
          LatestStatusStore.API,
          ObservationEvents.api(api, probed.observation(), probed.verdict()));
    }
  }

  private Probed probe(
      String id,
      ChainFamily family,
      String url,
      Map<String, String> headers,
      Duration interval,
      Duration timeout,
      dev.vigil.scanner.domain.chain.ApiCheck check,
      ProviderObservation previous,
      ChainExpectations expectations) {
    HeaderSecrets.Resolved resolved = secrets.resolve(headers);
    if (resolved.unavailableHeader() != null) {
      return secretUnavailable(family, resolved.unavailableHeader());
    }
    Duration deadline = timeout == null ? config.timeout() : timeout;
    Duration every = interval == null ? config.interval() : interval;
    if (deadline.compareTo(every) > 0) {
      deadline = every; // one probe per interval: see ProbeCadence
    }
    ProbeRequest request =
        new ProbeRequest(id, family, URI.create(url), resolved.headers(), deadline, check);
    Probed probed = probing.probe(request, previous, expectations);
    meters
        .counter(
            "vigil_chain_probes_total",
            "family",
            family.name(),
            "status",
            probed.verdict().status().name())
        .increment();
    return probed;
  }

  private Probed secretUnavailable(ChainFamily family, String header) {
    ProviderObservation nothing =
        new ProviderObservation(
            clock.instant(),
            family,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            Map.of());
    Finding finding =
        new Finding(
            SECRET_UNAVAILABLE,
            Severity.CRITICAL,
            null,
            "the secret reference of header " + header + " cannot be read",
            Map.of("header", header));
    return new Probed(
        nothing,
        new ChainVerdict(HealthStatus.DOWN, List.of(finding), null, null, null, null, null));
  }

  private static List<ChainComparison.Input> inputs(ChainState state, ChainSpec chain) {
    List<ChainComparison.Input> inputs = new ArrayList<>();
    for (ChainState.ProviderState p : state.probed()) {
      inputs.add(
          new ChainComparison.Input(
              p.spec().id(),
              p.spec().name(),
              p.observation(),
              p.verdict().status(),
              p.spec().expectations(chain).maxLagBehindBest()));
    }
    return inputs;
  }

  /**
   * Ranks the chain (caller holds the state's lock, so ranking changes are published in order) and
   * publishes a change of the healthy list. If the publication fails, the state keeps the old list,
   * so the next probe of the chain tries again.
   */
  private void rerank(ChainState state, String chainId, List<Standing> standings) {
    if (!state.rankingKnown()) {
      // A replica that just took the chain over starts from the ranking its last owner stored,
      // so a move between replicas does not announce a change that did not happen.
      store
          .ranking(chainId)
          .ifPresentOrElse(
              r ->
                  state.ranking(
                      r.ranking().stream().map(RankedProvider::providerId).toList(), r.healthy()),
              () -> state.ranking(List.of(), List.of()));
    }
    List<Standing> ranked = ranking.rank(standings, state.order());
    List<String> order = ranked.stream().map(Standing::providerId).toList();
    List<String> healthy = ProviderRanking.healthyIds(ranked);
    List<RankedProvider> providers =
        ranked.stream()
            .map(
                s ->
                    new RankedProvider(
                        s.providerId(),
                        s.name(),
                        s.status(),
                        s.lagBehindBestBlocks(),
                        s.latencyMillis()))
            .toList();
    if (!healthy.equals(state.healthy())) {
      ProviderRankingChanged change =
          new ProviderRankingChanged(chainId, providers, state.order(), clock.instant());
      try {
        publisher.rankingChanged(change);
      } catch (RuntimeException e) {
        failed("ranking", chainId, e);
        return;
      }
      store.ranked(chainId, providers, healthy, change.changedAt());
      state.ranking(order, healthy);
    } else if (!order.equals(state.order())) {
      store.ranked(chainId, providers, healthy, clock.instant());
      state.ranking(order, healthy);
    }
  }

  private void publish(String kind, ChainHealthObserved event) {
    store.observed(kind, event);
    try {
      publisher.observed(event);
    } catch (RuntimeException e) {
      // Not retried: the next probe, one interval later, reports the same state afresh.
      failed("observation", event.providerId(), e);
    }
  }

  private void failed(String what, String id, RuntimeException e) {
    meters.counter("vigil_chain_publish_failures_total", "event", what).increment();
    LOG.warnf("could not publish %s of %s: %s", what, id, e.getClass().getSimpleName());
  }
}
