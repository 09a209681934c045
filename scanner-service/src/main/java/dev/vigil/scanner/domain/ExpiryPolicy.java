package dev.vigil.scanner.domain;

import java.util.List;
import java.util.Optional;

/**
 * Decides which {@link ExpiryThresholds} apply to a target. Precedence, most specific first: the
 * target's own {@link ExpiryOverride} (value by value), then the first source with an answer (the
 * label rules), then the defaults.
 */
public final class ExpiryPolicy {

  private final List<ExpiryThresholdSource> sources;
  private final ExpiryThresholds defaults;

  public ExpiryPolicy(List<ExpiryThresholdSource> sources, ExpiryThresholds defaults) {
    this.sources = List.copyOf(sources);
    this.defaults = defaults;
  }

  /** The same thresholds for every target. */
  public static ExpiryPolicy fixed(ExpiryThresholds thresholds) {
    return new ExpiryPolicy(List.of(), thresholds);
  }

  /** Label rules, first matching rule wins, then {@code defaults}. */
  public static ExpiryPolicy labelRules(List<ExpiryRule> rules, ExpiryThresholds defaults) {
    List<ExpiryRule> copy = List.copyOf(rules);
    ExpiryThresholdSource byLabels =
        target ->
            copy.stream()
                .filter(rule -> rule.matches(target.labels()))
                .findFirst()
                .map(ExpiryRule::thresholds);
    return new ExpiryPolicy(List.of(byLabels), defaults);
  }

  /** This policy with {@code source} consulted before all others. */
  public ExpiryPolicy withFirst(ExpiryThresholdSource source) {
    List<ExpiryThresholdSource> all = new java.util.ArrayList<>();
    all.add(source);
    all.addAll(sources);
    return new ExpiryPolicy(all, defaults);
  }

  public ExpiryThresholds defaults() {
    return defaults;
  }

  public ExpiryThresholds thresholdsFor(TargetSpec target) {
    return target.expiry().applyTo(inherited(target));
  }

  /** What the target would get without its own override. */
  private ExpiryThresholds inherited(TargetSpec target) {
    for (ExpiryThresholdSource source : sources) {
      Optional<ExpiryThresholds> found = source.thresholdsFor(target);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return defaults;
  }
}
