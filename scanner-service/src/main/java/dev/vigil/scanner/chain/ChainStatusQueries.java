package dev.vigil.scanner.chain;

import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.RankedProvider;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.chain.ChainViews.ChainHealthView;
import dev.vigil.scanner.chain.ChainViews.LastStatus;
import dev.vigil.scanner.chain.ChainViews.RankedEntry;
import dev.vigil.scanner.chain.ChainViews.RankedView;
import dev.vigil.scanner.persistence.ChainProviderEntity;
import dev.vigil.scanner.persistence.ChainProviderRepository;
import dev.vigil.scanner.persistence.ChainRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking and the latest observations of a chain, from PostgreSQL: any replica answers, not
 * only the one that probes the chain.
 */
@ApplicationScoped
public class ChainStatusQueries {

  private final ChainRepository chains;
  private final ChainProviderRepository providers;
  private final LatestStatusStore statuses;

  public ChainStatusQueries(
      ChainRepository chains, ChainProviderRepository providers, LatestStatusStore statuses) {
    this.chains = chains;
    this.providers = providers;
    this.statuses = statuses;
  }

  @Transactional
  public RankedView ranked(String chainId) {
    requireChain(chainId);
    List<ChainProviderEntity> defined = providers.ofChain(chainId);
    Set<String> definedIds = new HashSet<>(defined.stream().map(p -> p.id).toList());
    Map<String, ChainHealthObserved> latest =
        statuses.latestOfChain(chainId, LatestStatusStore.PROVIDER);
    var stored = statuses.ranking(chainId);
    List<RankedEntry> entries = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    if (stored.isPresent()) {
      for (RankedProvider r : stored.get().ranking()) {
        if (definedIds.contains(r.providerId())) { // deleted since the ranking was made
          entries.add(
              new RankedEntry(
                  entries.size() + 1,
                  r.providerId(),
                  r.name(),
                  r.status(),
                  r.lagBehindBestBlocks(),
                  r.latencyMillis(),
                  LastStatus.of(latest.get(r.providerId()))));
          placed.add(r.providerId());
        }
      }
    }
    for (ChainProviderEntity p : defined) {
      if (!placed.contains(p.id)) { // not probed yet
        entries.add(
            new RankedEntry(
                entries.size() + 1,
                p.id,
                p.name,
                null,
                null,
                null,
                LastStatus.of(latest.get(p.id))));
      }
    }
    List<String> healthy =
        stored
            .map(r -> r.healthy().stream().filter(definedIds::contains).toList())
            .orElse(List.of());
    return new RankedView(
        chainId, stored.map(LatestStatusStore.Ranking::computedAt).orElse(null), healthy, entries);
  }

  @Transactional
  public ChainHealthView health(String chainId) {
    requireChain(chainId);
    Set<String> defined =
        new HashSet<>(providers.ofChain(chainId).stream().map(p -> p.id).toList());
    return new ChainHealthView(
        chainId,
        statuses.latestOfChain(chainId, LatestStatusStore.PROVIDER).values().stream()
            .filter(o -> defined.contains(o.providerId()))
            .toList());
  }

  private void requireChain(String chainId) {
    if (chains.findByIdOptional(chainId).isEmpty()) {
      throw ProblemException.notFound("chain", chainId);
    }
  }
}
