package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the providers of one chain: how far each trails the best head, whether two of them
 * disagree on a block (a fork or a reorg one of them missed), and which to use first. The ranking
 * is what lets a client fail over to a healthy backup instead of depending on one endpoint.
 */
public final class ProviderComparison {

  public static final String LAGGING_BEHIND_BEST = "LAGGING_BEHIND_BEST";
  public static final String FORK_DETECTED = "FORK_DETECTED";

  /**
   * One provider's latest view.
   *
   * @param providerId the provider
   * @param status its own verdict
   * @param head its latest block, or {@code null} when it answered nothing
   * @param knownHashes block hashes it reported by height (latest, safe, finalized, ...)
   * @param latencyMillis its probe latency
   */
  public record View(
      String providerId,
      HealthStatus status,
      BlockRef head,
      Map<Long, String> knownHashes,
      Double latencyMillis) {}

  /** The comparison: findings per provider, lag per provider, and the ranking. */
  public record Result(
      Map<String, List<Finding>> findings, Map<String, Long> lagBehindBest, List<String> ranking) {}

  public Result compare(List<View> views, long maxLagBehindBest) {
    long best =
        views.stream()
            .filter(v -> v.head() != null && v.status() != HealthStatus.DOWN)
            .mapToLong(v -> v.head().height())
            .max()
            .orElse(-1);
    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    Map<String, Long> lag = new HashMap<>();
    for (View v : views) {
      List<Finding> own = new ArrayList<>();
      if (v.head() != null && best >= 0) {
        long behind = Math.max(0, best - v.head().height());
        lag.put(v.providerId(), behind);
        if (behind > maxLagBehindBest) {
          own.add(
              new Finding(
                  LAGGING_BEHIND_BEST,
                  Severity.WARNING,
                  null,
                  v.providerId() + " is " + behind + " blocks behind the best provider",
                  Map.of("lagBlocks", Long.toString(behind), "bestHeight", Long.toString(best))));
        }
      }
      findings.put(v.providerId(), own);
    }
    forks(views, findings);
    return new Result(findings, lag, rank(views, lag, findings));
  }

  /** Two providers reporting different hashes for the same height disagree about the chain. */
  private static void forks(List<View> views, Map<String, List<Finding>> findings) {
    Map<Long, Map<String, List<String>>> byHeight = new TreeMap<>();
    for (View v : views) {
      v.knownHashes()
          .forEach(
              (height, hash) ->
                  byHeight
                      .computeIfAbsent(height, h -> new TreeMap<>())
                      .computeIfAbsent(hash, x -> new ArrayList<>())
                      .add(v.providerId()));
    }
    byHeight.forEach(
        (height, hashes) -> {
          if (hashes.size() < 2) {
            return;
          }
          // The hash most providers agree on is the reference; the others are on a fork.
          String majority =
              hashes.entrySet().stream()
                  .max(Comparator.comparingInt(e -> e.getValue().size()))
                  .orElseThrow()
                  .getKey();
          hashes.forEach(
              (hash, providers) -> {
                if (hash.equals(majority)) {
                  return;
                }
                for (String provider : providers) {
                  findings
                      .get(provider)
                      .add(
                          new Finding(
                              FORK_DETECTED,
                              Severity.CRITICAL,
                              null,
                              provider
                                  + " has block "
                                  + height
                                  + " = "
                                  + hash
                                  + " where most providers have "
                                  + majority,
                              Map.of(
                                  "height", Long.toString(height),
                                  "hash", hash,
                                  "majorityHash", majority)));
                }
              });
        });
  }

  /** Healthy before degraded before down; then the least lag; then the fastest. */
  private static List<String> rank(
      List<View> views, Map<String, Long> lag, Map<String, List<Finding>> findings) {
    return views.stream()
        .sorted(
            Comparator.comparingInt((View v) -> effectiveStatus(v, findings).ordinal())
                .thenComparingLong(v -> lag.getOrDefault(v.providerId(), Long.MAX_VALUE))
                .thenComparingDouble(
                    v -> v.latencyMillis() == null ? Double.MAX_VALUE : v.latencyMillis()))
        .map(View::providerId)
        .toList();
  }

  private static HealthStatus effectiveStatus(View v, Map<String, List<Finding>> findings) {
    if (v.status() == HealthStatus.DOWN
        || findings.get(v.providerId()).stream().anyMatch(f -> f.code().equals(FORK_DETECTED))) {
      return HealthStatus.DOWN;
    }
    return findings.get(v.providerId()).isEmpty() ? v.status() : HealthStatus.DEGRADED;
  }
}
