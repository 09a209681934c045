package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import dev.vigil.scanner.domain.chain.ProviderRanking.Standing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts one chain's providers side by side after a probe: {@link ProviderComparison} for the lag
 * behind the best head and forks, with each provider's own lag threshold (providers may override
 * the chain's), and the standings the ranking is made from.
 */
public final class ChainComparison {

  /** One provider's latest probe, as the comparison needs it. */
  public record Input(
      String providerId,
      String name,
      ProviderObservation observation,
      HealthStatus ownStatus,
      long maxLagBehindBest) {}

  /** A provider's verdict once compared: status, lag and the comparison's own findings. */
  public record Compared(HealthStatus status, Long lagBehindBest, List<Finding> findings) {}

  /** Per provider, and the standings to rank. */
  public record Result(Map<String, Compared> byProvider, List<Standing> standings) {}

  private final ProviderComparison comparison = new ProviderComparison();

  public Result compare(List<Input> inputs) {
    List<ProviderComparison.View> views = new ArrayList<>();
    for (Input in : inputs) {
      ProviderObservation o = in.observation();
      views.add(
          new ProviderComparison.View(
              in.providerId(), in.ownStatus(), o.latest(), knownHashes(o), o.latencyMillis()));
    }
    // Lag findings are redone below with each provider's own threshold.
    ProviderComparison.Result result = comparison.compare(views, Long.MAX_VALUE);
    Map<String, Compared> byProvider = new LinkedHashMap<>();
    List<Standing> standings = new ArrayList<>();
    for (Input in : inputs) {
      Long lag = result.lagBehindBest().get(in.providerId());
      List<Finding> findings = new ArrayList<>(result.findings().get(in.providerId()));
      if (lag != null && lag > in.maxLagBehindBest()) {
        findings.add(
            new Finding(
                ProviderComparison.LAGGING_BEHIND_BEST,
                Severity.WARNING,
                null,
                in.providerId() + " is " + lag + " blocks behind the best provider",
                Map.of(
                    "lagBlocks", Long.toString(lag),
                    "maxLagBlocks", Long.toString(in.maxLagBehindBest()))));
      }
      HealthStatus status = ProviderRanking.effectiveStatus(in.ownStatus(), findings);
      byProvider.put(in.providerId(), new Compared(status, lag, List.copyOf(findings)));
      standings.add(
          new Standing(in.providerId(), in.name(), status, lag, in.observation().latencyMillis()));
    }
    return new Result(byProvider, standings);
  }

  private static Map<Long, String> knownHashes(ProviderObservation o) {
    Map<Long, String> hashes = new HashMap<>();
    for (BlockRef ref : new BlockRef[] {o.finalized(), o.safe(), o.latest()}) {
      if (ref != null && ref.hash() != null) {
        hashes.put(ref.height(), ref.hash());
      }
    }
    return hashes;
  }
}
