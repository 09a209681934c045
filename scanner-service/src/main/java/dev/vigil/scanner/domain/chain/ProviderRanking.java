package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a chain's providers for failover: healthy before degraded before down, then by lag behind
 * the best provider, then by latency.
 *
 * <p>Near-ties keep the previous order. Providers are probed at different moments, so a 2 s chain
 * shows one provider a block behind another half the time, and latencies jitter by tens of
 * milliseconds; ranking on raw figures would reorder (and publish a ranking change) on almost every
 * probe. Two providers of the same status whose lags differ by at most {@code lagTolerance} blocks
 * and whose latencies are within {@code latencyTolerance} (relative, and at least {@code
 * minLatencyDifferenceMillis} apart to count) stay as they were.
 */
public final class ProviderRanking {

  /** One provider's latest standing, comparison with the other providers included. */
  public record Standing(
      String providerId,
      String name,
      HealthStatus status,
      Long lagBehindBestBlocks,
      Double latencyMillis) {}

  private static final Comparator<Standing> STRICT =
      Comparator.comparingInt((Standing s) -> s.status().ordinal())
          .thenComparingLong(
              s -> s.lagBehindBestBlocks() == null ? Long.MAX_VALUE : s.lagBehindBestBlocks())
          .thenComparingDouble(
              s -> s.latencyMillis() == null ? Double.MAX_VALUE : s.latencyMillis())
          .thenComparing(Standing::providerId);

  private final long lagTolerance;
  private final double latencyTolerance;
  private final double minLatencyDifferenceMillis;

  public ProviderRanking(
      long lagTolerance, double latencyTolerance, double minLatencyDifferenceMillis) {
    this.lagTolerance = lagTolerance;
    this.latencyTolerance = latencyTolerance;
    this.minLatencyDifferenceMillis = minLatencyDifferenceMillis;
  }

  /** One block and 25% (at least 20 ms) of latency count as ties. */
  public static ProviderRanking withDefaults() {
    return new ProviderRanking(1, 0.25, 20);
  }

  /**
   * @param previousOrder provider ids of the previous ranking, best first (may be empty)
   */
  public List<Standing> rank(Collection<Standing> standings, List<String> previousOrder) {
    List<Standing> ranked = new ArrayList<>(standings);
    ranked.sort(STRICT);
    Map<String, Integer> before = new HashMap<>();
    for (int i = 0; i < previousOrder.size(); i++) {
      before.put(previousOrder.get(i), i);
    }
    // Undo swaps of near-ties. Each swap removes an inversion against the previous order, so
    // this ends after at most n^2 / 2 swaps (n is a handful of providers per chain).
    boolean swapped = true;
    while (swapped) {
      swapped = false;
      for (int i = 1; i < ranked.size(); i++) {
        Standing ahead = ranked.get(i - 1);
        Standing behind = ranked.get(i);
        Integer aheadBefore = before.get(ahead.providerId());
        Integer behindBefore = before.get(behind.providerId());
        if (aheadBefore != null
            && behindBefore != null
            && behindBefore < aheadBefore
            && tied(ahead, behind)) {
          ranked.set(i - 1, behind);
          ranked.set(i, ahead);
          swapped = true;
        }
      }
    }
    return List.copyOf(ranked);
  }

  /** The ids of the healthy providers, in ranking order: what a client should use. */
  public static List<String> healthyIds(List<Standing> ranked) {
    return ranked.stream()
        .filter(s -> s.status() == HealthStatus.HEALTHY)
        .map(Standing::providerId)
        .toList();
  }

  /**
   * A provider's status once compared with the others: on a minority fork it is down; trailing the
   * best provider it is at best degraded.
   */
  public static HealthStatus effectiveStatus(HealthStatus own, List<Finding> comparison) {
    boolean forked =
        comparison.stream().anyMatch(f -> f.code().equals(ProviderComparison.FORK_DETECTED));
    if (own == HealthStatus.DOWN || forked) {
      return HealthStatus.DOWN;
    }
    return comparison.isEmpty() ? own : HealthStatus.DEGRADED;
  }

  private boolean tied(Standing a, Standing b) {
    if (a.status() != b.status()) {
      return false;
    }
    if (a.lagBehindBestBlocks() == null || b.lagBehindBestBlocks() == null) {
      return a.lagBehindBestBlocks() == b.lagBehindBestBlocks() && latencyTied(a, b);
    }
    return Math.abs(a.lagBehindBestBlocks() - b.lagBehindBestBlocks()) <= lagTolerance
        && latencyTied(a, b);
  }

  private boolean latencyTied(Standing a, Standing b) {
    if (a.latencyMillis() == null || b.latencyMillis() == null) {
      return a.latencyMillis() == null && b.latencyMillis() == null;
    }
    double low = Math.min(a.latencyMillis(), b.latencyMillis());
    double difference = Math.abs(a.latencyMillis() - b.latencyMillis());
    return difference <= Math.max(minLatencyDifferenceMillis, low * latencyTolerance);
  }
}
