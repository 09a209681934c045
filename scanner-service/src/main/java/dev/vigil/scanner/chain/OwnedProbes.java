package dev.vigil.scanner.chain;

import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ProbeCadence;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The providers and APIs this replica owns (those on its partitions of the chain-targets topic),
 * their schedule and each chain's state. All of a chain's providers arrive in one record, so they
 * are always owned together.
 *
 * <p>Probes waiting for their turn sit in a set ordered by due time: handing out the next one costs
 * O(log n), and {@link #awaitNext} sleeps exactly until it is due (no polling tick, which would add
 * up to a tick to the time from a stalled head to its report).
 */
public class OwnedProbes {

  private static final Comparator<Unit> BY_DUE =
      Comparator.comparing((Unit u) -> u.nextDue).thenComparing(u -> u.key);

  private final Map<String, Unit> units = new HashMap<>();
  private final Map<String, ChainState> chains = new HashMap<>();
  private final Map<String, Integer> chainPartitions = new HashMap<>();
  private final TreeSet<Unit> waiting = new TreeSet<>(BY_DUE);
  private final ProbeCadence cadence;
  private final Duration defaultInterval;
  private final Clock clock;
  private long generations;

  public OwnedProbes(ProbeCadence cadence, Duration defaultInterval, Clock clock) {
    this.cadence = cadence;
    this.defaultInterval = defaultInterval;
    this.clock = clock;
  }

  /** Adds or replaces a chain with all its providers; new or changed providers are due at once. */
  public synchronized void upsertChain(
      ChainSpec chain, List<ProviderSpec> providers, int partition) {
    ChainState state = chains.computeIfAbsent(chain.id(), id -> new ChainState(chain));
    chainPartitions.put(chain.id(), partition);
    Set<String> before = state.providerIds();
    state.redefine(chain, providers);
    for (ProviderSpec provider : providers) {
      before.remove(provider.id());
      upsert(
          providerKey(provider.id()),
          chain.id(),
          chain,
          provider,
          null,
          provider.interval(),
          partition);
    }
    before.forEach(id -> removeUnit(providerKey(id)));
    notifyAll();
  }

  public synchronized void removeChain(String chainId) {
    ChainState state = chains.remove(chainId);
    chainPartitions.remove(chainId);
    if (state != null) {
      state.providerIds().forEach(id -> removeUnit(providerKey(id)));
    }
  }

  public synchronized void upsertApi(ApiSpec api, int partition) {
    upsert(apiKey(api.id()), null, null, null, api, api.interval(), partition);
    notifyAll();
  }

  public synchronized void removeApi(String apiId) {
    removeUnit(apiKey(apiId));
  }

  /** Forgets everything on partitions this replica no longer owns. */
  public synchronized void dropPartitions(Collection<Integer> partitions) {
    units.values().stream()
        .filter(u -> partitions.contains(u.partition))
        .map(u -> u.key)
        .toList()
        .forEach(this::removeUnit);
    chainPartitions.entrySet().stream()
        .filter(e -> partitions.contains(e.getValue()))
        .map(Map.Entry::getKey)
        .toList()
        .forEach(
            id -> {
              chains.remove(id);
              chainPartitions.remove(id);
            });
  }

  public synchronized ChainState chain(String chainId) {
    return chains.get(chainId);
  }

  /**
   * Waits until a probe is due (or {@code maxWait} passed, or the schedule changed) and claims it.
   *
   * @return the claimed probe, or {@code null} when none became due
   */
  public synchronized ProbeJob awaitNext(Duration maxWait) throws InterruptedException {
    Instant now = clock.instant();
    if (waiting.isEmpty() || waiting.first().nextDue.isAfter(now)) {
      long millis =
          waiting.isEmpty()
              ? maxWait.toMillis()
              : Math.min(
                  maxWait.toMillis(), Duration.between(now, waiting.first().nextDue).toMillis());
      wait(Math.max(1, millis));
    }
    List<ProbeJob> due = claimDue(1);
    return due.isEmpty() ? null : due.get(0);
  }

  /** Claims up to {@code limit} due probes, most overdue first. */
  public synchronized List<ProbeJob> claimDue(int limit) {
    Instant now = clock.instant();
    List<ProbeJob> jobs = new ArrayList<>();
    while (jobs.size() < limit && !waiting.isEmpty() && !waiting.first().nextDue.isAfter(now)) {
      Unit u = waiting.pollFirst();
      u.inFlight = true;
      jobs.add(new ProbeJob(u.key, u.chain, u.provider, u.api, u.generation));
    }
    return jobs;
  }

  /** Ends a probe that started at {@code startedAt} and schedules the next one. */
  public synchronized void completed(ProbeJob job, Instant startedAt) {
    Unit u = units.get(job.key());
    if (u == null || !u.inFlight) {
      return; // removed or moved to another replica meanwhile
    }
    u.inFlight = false;
    // A definition that changed during the probe is probed again at once.
    u.nextDue =
        u.generation == job.generation() ? cadence.next(startedAt, u.interval) : clock.instant();
    waiting.add(u);
    notifyAll();
  }

  /** Whether {@code job} is still the current definition here (not removed, moved or replaced). */
  public synchronized boolean isCurrent(ProbeJob job) {
    Unit u = units.get(job.key());
    return u != null && u.generation == job.generation();
  }

  public synchronized int size() {
    return units.size();
  }

  public synchronized int chainCount() {
    return chains.size();
  }

  public static String providerKey(String providerId) {
    return "p:" + providerId;
  }

  public static String apiKey(String apiId) {
    return "a:" + apiId;
  }

  private void upsert(
      String key,
      String chainId,
      ChainSpec chain,
      ProviderSpec provider,
      ApiSpec api,
      Duration interval,
      int partition) {
    Duration effective = interval == null ? defaultInterval : interval;
    Unit existing = units.get(key);
    if (existing != null
        && Objects.equals(existing.chain, chain)
        && Objects.equals(existing.provider, provider)
        && Objects.equals(existing.api, api)) {
      existing.partition = partition; // a replay after a rebalance keeps the schedule
      return;
    }
    if (existing != null) {
      waiting.remove(existing);
    }
    Unit fresh = new Unit(key, chainId, chain, provider, api, effective, partition, ++generations);
    fresh.nextDue = clock.instant();
    units.put(key, fresh);
    if (existing != null && existing.inFlight) {
      fresh.inFlight = true; // the running probe completes and reschedules the new definition
    } else {
      waiting.add(fresh);
    }
  }

  private void removeUnit(String key) {
    Unit u = units.remove(key);
    if (u != null) {
      waiting.remove(u);
    }
  }

  private static final class Unit {
    final String key;
    final String chainId;
    final ChainSpec chain;
    final ProviderSpec provider;
    final ApiSpec api;
    final Duration interval;
    final long generation;
    int partition;
    Instant nextDue;
    boolean inFlight;

    Unit(
        String key,
        String chainId,
        ChainSpec chain,
        ProviderSpec provider,
        ApiSpec api,
        Duration interval,
        int partition,
        long generation) {
      this.key = key;
      this.chainId = chainId;
      this.chain = chain;
      this.provider = provider;
      this.api = api;
      this.interval = interval;
      this.partition = partition;
      this.generation = generation;
    }
  }
}
