package dev.vigil.alert.rules;

import dev.vigil.alert.domain.AlertCandidate;
import dev.vigil.alert.domain.Observation;
import dev.vigil.events.Severity;
import java.util.Map;

/**
 * What one rule says about one alert (one fingerprint) for one event. Annotations and value are
 * rendered only when asked for: most evaluations change nothing and never need them.
 *
 * @param rule the rule
 * @param fingerprint identity
 * @param labels all labels
 * @param observation match, hold, recovered or no data
 * @param severity the severity asked for (meaningful for {@link Observation#MATCH})
 * @param variables the CEL variables it was evaluated with
 */
public record RuleInstance(
    CompiledRule rule,
    String fingerprint,
    Map<String, String> labels,
    Observation observation,
    Severity severity,
    Map<String, Object> variables) {

  public Map<String, String> annotations() {
    return rule.annotations(variables);
  }

  public Double value() {
    return rule.value(variables);
  }

  /** The alert to store when this instance fires. */
  public AlertCandidate candidate() {
    return new AlertCandidate(rule.name(), severity, labels, annotations(), value());
  }

  /** One sentence on what was observed; the reason of a resolution. */
  public String detail() {
    String summary = annotations().get("summary");
    return summary != null && !summary.isBlank()
        ? summary
        : "the condition of " + rule.name() + " no longer holds";
  }
}
