package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Emitted by scanner-service when the ordered list of healthy providers of a chain changes: a
 * provider became healthy or unhealthy, or the order of the healthy ones changed. Clients fail over
 * to the first healthy provider instead of depending on one endpoint. On a compacted topic keyed by
 * {@code chainId}, so a client starting up reads the current ranking of every chain.
 *
 * @param chainId the chain
 * @param ranking every provider of the chain, best first: healthy, then degraded, then down; by lag
 *     behind the best provider, then latency
 * @param previousRanking the provider ids of the previous ranking, in order; empty for the first
 * @param changedAt when the change was observed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderRankingChanged(
    String chainId, List<RankedProvider> ranking, List<String> previousRanking, Instant changedAt) {

  public ProviderRankingChanged {
    ranking = ranking == null ? List.of() : List.copyOf(ranking);
    previousRanking = previousRanking == null ? List.of() : List.copyOf(previousRanking);
  }
}
