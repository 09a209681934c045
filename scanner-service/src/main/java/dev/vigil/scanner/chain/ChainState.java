package dev.vigil.scanner.chain;

import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this replica remembers about one owned chain between probes: each provider's latest
 * observation and verdict (the "previous" of its next probe, and its view in the comparison), and
 * the chain's current ranking. Callers synchronise on the instance: the providers of one chain are
 * probed by different workers at once.
 */
public final class ChainState {

  /** A provider's latest probe. */
  public static final class ProviderState {
    ProviderSpec spec;
    ProviderObservation observation;
    ChainVerdict verdict;

    ProviderState(ProviderSpec spec) {
      this.spec = spec;
    }

    public ProviderSpec spec() {
      return spec;
    }

    public ProviderObservation observation() {
      return observation;
    }

    public ChainVerdict verdict() {
      return verdict;
    }
  }

  private ChainSpec chain;
  private final Map<String, ProviderState> providers = new LinkedHashMap<>();
  private List<String> order = List.of();
  private List<String> healthy = List.of();
  private boolean rankingKnown;

  ChainState(ChainSpec chain) {
    this.chain = chain;
  }

  public synchronized ChainSpec chain() {
    return chain;
  }

  /**
   * Replaces the definition. A provider keeps its previous observation unless its endpoint or
   * family changed: then the last head it reported says nothing about the new endpoint.
   */
  synchronized void redefine(ChainSpec chain, List<ProviderSpec> specs) {
    this.chain = chain;
    Map<String, ProviderState> kept = new LinkedHashMap<>();
    for (ProviderSpec spec : specs) {
      ProviderState state = providers.get(spec.id());
      if (state == null
          || !state.spec.url().equals(spec.url())
          || state.spec.family() != spec.family()) {
        state = new ProviderState(spec);
      }
      state.spec = spec;
      kept.put(spec.id(), state);
    }
    providers.clear();
    providers.putAll(kept);
  }

  synchronized Set<String> providerIds() {
    return new HashSet<>(providers.keySet());
  }

  public synchronized ProviderObservation previous(String providerId) {
    ProviderState state = providers.get(providerId);
    return state == null ? null : state.observation;
  }

  /** Records a probe's result; false when the provider left the chain meanwhile. */
  public synchronized boolean record(
      String providerId, ProviderObservation observation, ChainVerdict verdict) {
    ProviderState state = providers.get(providerId);
    if (state == null) {
      return false;
    }
    state.observation = observation;
    state.verdict = verdict;
    return true;
  }

  /** The providers probed at least once, in definition order. */
  public synchronized List<ProviderState> probed() {
    List<ProviderState> out = new ArrayList<>();
    for (ProviderState s : providers.values()) {
      if (s.observation != null) {
        out.add(s);
      }
    }
    return out;
  }

  public synchronized int size() {
    return providers.size();
  }

  public synchronized List<String> order() {
    return order;
  }

  public synchronized List<String> healthy() {
    return healthy;
  }

  /** Whether the ranking has been computed or loaded in this replica. */
  public synchronized boolean rankingKnown() {
    return rankingKnown;
  }

  public synchronized void ranking(List<String> order, List<String> healthy) {
    this.order = List.copyOf(order);
    this.healthy = List.copyOf(healthy);
    this.rankingKnown = true;
  }
}
