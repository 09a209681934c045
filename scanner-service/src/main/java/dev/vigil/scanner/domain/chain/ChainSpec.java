package dev.vigil.scanner.domain.chain;

import dev.vigil.scanner.domain.FieldViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chain Vigil watches through one or more providers.
 *
 * @param id stable id, e.g. {@code base-mainnet}
 * @param name human name
 * @param family the chain's family (not {@code HTTP}: APIs are {@link ApiSpec}s)
 * @param expectedChainId what every provider must report (EVM chain id, Bitcoin chain name, ...)
 * @param blockTime expected block time; the thresholds default from it
 * @param labels carried into every observation
 * @param thresholds overrides for every provider of the chain
 */
public record ChainSpec(
    String id,
    String name,
    ChainFamily family,
    String expectedChainId,
    Duration blockTime,
    Map<String, String> labels,
    ThresholdOverrides thresholds) {

  static final Duration MIN_BLOCK_TIME = Duration.ofMillis(100);
  static final Duration MAX_BLOCK_TIME = Duration.ofHours(1);

  public ChainSpec {
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    thresholds = ThresholdOverrides.orNone(thresholds);
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> out = new ArrayList<>();
    DefinitionRules.id(id, "id", out);
    DefinitionRules.name(name, "name", out);
    if (family == null || family == ChainFamily.HTTP) {
      out.add(
          new FieldViolation("family", "must be one of EVM, OP_STACK, BITCOIN, SOLANA, COSMOS"));
    }
    if (expectedChainId == null || expectedChainId.isBlank()) {
      out.add(new FieldViolation("expectedChainId", "must not be blank"));
    } else if (expectedChainId.length() > 100) {
      out.add(new FieldViolation("expectedChainId", "at most 100 characters"));
    }
    if (blockTime == null) {
      out.add(new FieldViolation("blockTimeMillis", "must not be null"));
    } else {
      DefinitionRules.duration(
          blockTime, MIN_BLOCK_TIME, MAX_BLOCK_TIME, "blockTimeMillis", "ms", out);
    }
    DefinitionRules.labels(labels, out);
    thresholds.violations("thresholds.", out);
    return out;
  }

  /** The chain's defaults: derived from the block time, then the chain's overrides. */
  public ChainExpectations expectations() {
    return thresholds.applyTo(ChainExpectations.forBlockTime(expectedChainId, blockTime));
  }
}
