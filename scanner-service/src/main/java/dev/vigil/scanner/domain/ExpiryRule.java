package dev.vigil.scanner.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * Thresholds for the targets whose labels include every entry of {@code match}; an empty {@code
 * match} matches every target.
 */
public record ExpiryRule(Map<String, String> match, ExpiryThresholds thresholds) {

  public ExpiryRule {
    match = Map.copyOf(new TreeMap<>(match));
    if (thresholds == null) {
      throw new IllegalArgumentException("a rule needs thresholds");
    }
  }

  public boolean matches(Map<String, String> labels) {
    return match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
