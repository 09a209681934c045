package dev.vigil.scanner.chain;

import dev.vigil.events.ApiRegistered;
import dev.vigil.events.ChainRegistered;
import dev.vigil.events.ProbeThresholds;
import dev.vigil.events.ProviderDefinition;
import dev.vigil.scanner.domain.chain.ApiCheck;
import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import dev.vigil.scanner.domain.chain.ThresholdOverrides;
import dev.vigil.scanner.persistence.ChainApiEntity;
import dev.vigil.scanner.persistence.ChainEntity;
import dev.vigil.scanner.persistence.ChainProviderEntity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Converts definitions between the topic's events, the tables and the domain specs. */
final class ChainDefinitions {

  private ChainDefinitions() {}

  static Optional<ChainFamily> family(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ChainFamily.valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Duration seconds(Long value) {
    return value == null ? null : Duration.ofSeconds(value);
  }

  static Duration millis(Long value) {
    return value == null ? null : Duration.ofMillis(value);
  }

  // --- events -> specs (family already parsed by the caller, null when unknown)

  static ChainSpec spec(ChainRegistered e, ChainFamily family) {
    return new ChainSpec(
        e.chainId(),
        e.name(),
        family,
        e.expectedChainId(),
        millis(e.blockTimeMillis()),
        e.labels(),
        overrides(e.thresholds()));
  }

  static ProviderSpec spec(String chainId, ProviderDefinition p, ChainFamily family) {
    return new ProviderSpec(
        p.providerId(),
        chainId,
        p.name(),
        family,
        p.url(),
        p.headers(),
        seconds(p.intervalSeconds()),
        millis(p.timeoutMillis()),
        overrides(p.thresholds()),
        p.labels());
  }

  static ApiSpec spec(ApiRegistered e) {
    return new ApiSpec(
        e.apiId(),
        e.name(),
        e.chainId(),
        e.url(),
        new ApiCheck(
            e.method() == null ? null : e.method().toUpperCase(Locale.ROOT),
            e.body(),
            e.headers(),
            e.expectedStatus() == null ? 0 : e.expectedStatus(),
            e.jsonPath(),
            e.expectedValue(),
            millis(e.maxLatencyMillis())),
        seconds(e.intervalSeconds()),
        millis(e.timeoutMillis()),
        e.labels());
  }

  static ThresholdOverrides overrides(ProbeThresholds t) {
    return t == null
        ? ThresholdOverrides.NONE
        : new ThresholdOverrides(
            t.maxHeadAgeSeconds(),
            t.maxLagBehindBestBlocks(),
            t.maxLatencyMillis(),
            t.maxSafeLagBlocks(),
            t.maxFinalizedLagSeconds());
  }

  static ProbeThresholds thresholds(ThresholdOverrides o) {
    return o == null || o.isEmpty()
        ? null
        : new ProbeThresholds(
            o.maxHeadAgeSeconds(),
            o.maxLagBehindBestBlocks(),
            o.maxLatencyMillis(),
            o.maxSafeLagBlocks(),
            o.maxFinalizedLagSeconds());
  }

  // --- tables <-> overrides

  static Map<String, Long> columns(ThresholdOverrides o) {
    Map<String, Long> out = new LinkedHashMap<>();
    put(out, "maxHeadAgeSeconds", o.maxHeadAgeSeconds());
    put(out, "maxLagBehindBestBlocks", o.maxLagBehindBestBlocks());
    put(out, "maxLatencyMillis", o.maxLatencyMillis());
    put(out, "maxSafeLagBlocks", o.maxSafeLagBlocks());
    put(out, "maxFinalizedLagSeconds", o.maxFinalizedLagSeconds());
    return out;
  }

  static ThresholdOverrides overrides(Map<String, Long> columns) {
    Map<String, Long> c = columns == null ? Map.of() : columns;
    return new ThresholdOverrides(
        number(c.get("maxHeadAgeSeconds")),
        number(c.get("maxLagBehindBestBlocks")),
        number(c.get("maxLatencyMillis")),
        number(c.get("maxSafeLagBlocks")),
        number(c.get("maxFinalizedLagSeconds")));
  }

  // --- tables -> specs and events

  static ChainSpec spec(ChainEntity c) {
    return new ChainSpec(
        c.id,
        c.name,
        family(c.family).orElseThrow(),
        c.expectedChainId,
        Duration.ofMillis(c.blockTimeMillis),
        c.labels,
        overrides(c.thresholds));
  }

  static ProviderSpec spec(ChainProviderEntity p) {
    return new ProviderSpec(
        p.id,
        p.chainId,
        p.name,
        family(p.family).orElseThrow(),
        p.url,
        p.headers,
        seconds(p.intervalSeconds),
        millis(p.timeoutMillis),
        overrides(p.thresholds),
        p.labels);
  }

  static ApiSpec spec(ChainApiEntity a) {
    return new ApiSpec(
        a.id,
        a.name,
        a.chainId,
        a.url,
        new ApiCheck(
            a.method,
            a.body,
            a.headers,
            a.expectedStatus,
            a.jsonPath,
            a.expectedValue,
            millis(a.maxLatencyMillis)),
        seconds(a.intervalSeconds),
        millis(a.timeoutMillis),
        a.labels);
  }

  static ChainRegistered event(ChainEntity c, List<ChainProviderEntity> providers) {
    return new ChainRegistered(
        c.id,
        c.name,
        c.family,
        c.expectedChainId,
        c.blockTimeMillis,
        c.labels,
        thresholds(overrides(c.thresholds)),
        providers.stream()
            .map(
                p ->
                    new ProviderDefinition(
                        p.id,
                        p.name,
                        p.family,
                        p.url,
                        p.headers,
                        p.intervalSeconds,
                        p.timeoutMillis,
                        thresholds(overrides(p.thresholds)),
                        p.labels))
            .toList(),
        c.updatedAt,
        c.registeredBy);
  }

  static ApiRegistered event(ChainApiEntity a) {
    return new ApiRegistered(
        a.id,
        a.name,
        a.chainId,
        a.url,
        a.method,
        a.body,
        a.headers,
        a.expectedStatus,
        a.jsonPath,
        a.expectedValue,
        a.maxLatencyMillis,
        a.intervalSeconds,
        a.timeoutMillis,
        a.labels,
        a.updatedAt,
        a.registeredBy);
  }

  private static void put(Map<String, Long> out, String key, Long value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  /** JSON numbers come back as Integer or Long. */
  private static Long number(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }
}
