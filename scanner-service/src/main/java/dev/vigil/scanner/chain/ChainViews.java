package dev.vigil.scanner.chain;

import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.EndpointMask;
import dev.vigil.scanner.domain.chain.ThresholdOverrides;
import dev.vigil.scanner.persistence.ChainApiEntity;
import dev.vigil.scanner.persistence.ChainEntity;
import dev.vigil.scanner.persistence.ChainProviderEntity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the REST API shows. URLs are masked to scheme, host and port, and of headers only the names
 * are shown: both may carry API keys.
 */
public final class ChainViews {

  private ChainViews() {}

  /** Thresholds in force once defaults and overrides are applied. */
  public record Effective(
      long maxHeadAgeSeconds,
      long maxLagBehindBestBlocks,
      long maxLatencyMillis,
      long maxSafeLagBlocks,
      long maxFinalizedLagSeconds) {

    static Effective of(ChainExpectations e) {
      return new Effective(
          e.maxHeadAge().toSeconds(),
          e.maxLagBehindBest(),
          e.maxLatency().toMillis(),
          e.maxSafeLagBlocks(),
          e.maxFinalizedLag().toSeconds());
    }
  }

  public record ChainView(
      String id,
      String name,
      String family,
      String expectedChainId,
      long blockTimeMillis,
      Map<String, String> labels,
      ThresholdOverrides thresholds,
      Effective effectiveThresholds,
      long providerCount,
      String registeredBy,
      Instant createdAt,
      Instant updatedAt) {

    static ChainView of(ChainEntity c, long providers) {
      return new ChainView(
          c.id,
          c.name,
          c.family,
          c.expectedChainId,
          c.blockTimeMillis,
          c.labels,
          ChainDefinitions.overrides(c.thresholds),
          Effective.of(ChainDefinitions.spec(c).expectations()),
          providers,
          c.registeredBy,
          c.createdAt,
          c.updatedAt);
    }
  }

  /** A probe's latest result, from whichever replica owns it. */
  public record LastStatus(
      HealthStatus status,
      Instant observedAt,
      Long headHeight,
      Double headAgeSeconds,
      Long lagBehindBestBlocks,
      Double latencyMillis,
      Integer httpStatus,
      List<String> findings) {

    static LastStatus of(ChainHealthObserved o) {
      return o == null
          ? null
          : new LastStatus(
              o.status(),
              o.observedAt(),
              o.headHeight(),
              o.headAgeSeconds(),
              o.lagBehindBestBlocks(),
              o.latencyMillis(),
              o.httpStatus(),
              o.findings().stream().map(Finding::code).distinct().toList());
    }
  }

  public record ProviderView(
      String id,
      String chainId,
      String name,
      String family,
      String url,
      List<String> headerNames,
      Long intervalSeconds,
      Long timeoutMillis,
      ThresholdOverrides thresholds,
      Effective effectiveThresholds,
      Map<String, String> labels,
      Instant createdAt,
      Instant updatedAt,
      LastStatus lastStatus) {

    static ProviderView of(ChainEntity chain, ChainProviderEntity p, ChainHealthObserved last) {
      return new ProviderView(
          p.id,
          p.chainId,
          p.name,
          p.family,
          EndpointMask.mask(p.url),
          List.copyOf(new java.util.TreeSet<>(p.headers.keySet())),
          p.intervalSeconds,
          p.timeoutMillis,
          ChainDefinitions.overrides(p.thresholds),
          Effective.of(ChainDefinitions.spec(p).expectations(ChainDefinitions.spec(chain))),
          p.labels,
          p.createdAt,
          p.updatedAt,
          LastStatus.of(last));
    }
  }

  public record ApiView(
      String id,
      String name,
      String chainId,
      String url,
      String method,
      String body,
      List<String> headerNames,
      int expectedStatus,
      String jsonPath,
      String expectedValue,
      Long maxLatencyMillis,
      Long intervalSeconds,
      Long timeoutMillis,
      Map<String, String> labels,
      String registeredBy,
      Instant createdAt,
      Instant updatedAt,
      LastStatus lastStatus) {

    static ApiView of(ChainApiEntity a, ChainHealthObserved last) {
      return new ApiView(
          a.id,
          a.name,
          a.chainId,
          EndpointMask.mask(a.url),
          a.method,
          a.body,
          List.copyOf(new java.util.TreeSet<>(a.headers.keySet())),
          a.expectedStatus,
          a.jsonPath,
          a.expectedValue,
          a.maxLatencyMillis,
          a.intervalSeconds,
          a.timeoutMillis,
          a.labels,
          a.registeredBy,
          a.createdAt,
          a.updatedAt,
          LastStatus.of(last));
    }
  }

  /** One provider's place in its chain's ranking. */
  public record RankedEntry(
      int rank,
      String providerId,
      String name,
      HealthStatus status,
      Long lagBehindBestBlocks,
      Double latencyMillis,
      LastStatus lastStatus) {}

  /**
   * @param healthy ids of the healthy providers, best first: what a client should use
   * @param providers every provider, ranked ones first; providers never probed yet come last with
   *     no status
   */
  public record RankedView(
      String chainId, Instant rankedAt, List<String> healthy, List<RankedEntry> providers) {}

  public record ChainHealthView(String chainId, List<ChainHealthObserved> providers) {}
}
