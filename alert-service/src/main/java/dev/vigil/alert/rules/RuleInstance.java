package dev.vigil.alert.rules;

import dev.vigil.alert.domain.AlertCandidate;
import dev.vigil.alert.domain.Observation;
import dev.vigil.events.Severity;
import java.util.Map;

/**
 * What one rule says about one alert (one fingerprint) for one event. Labels, fingerprint,
 * annotations and value are computed only when asked for: most evaluations find a healthy entity
 * with nothing stored, and need none of them.
 */
public final class RuleInstance {

  private final CompiledRule rule;
  private final Map<String, String> baseLabels;
  private final String findingCode;
  private final Observation observation;
  private final Severity severity;
  private final Map<String, Object> variables;
  private Map<String, String> labels;
  private String fingerprint;

  RuleInstance(
      CompiledRule rule,
      Map<String, String> baseLabels,
      String findingCode,
      Observation observation,
      Severity severity,
      Map<String, Object> variables) {
    this.rule = rule;
    this.baseLabels = baseLabels;
    this.findingCode = findingCode;
    this.observation = observation;
    this.severity = severity;
    this.variables = variables;
  }

  public CompiledRule rule() {
    return rule;
  }

  /** Match, hold, recovered or no data. */
  public Observation observation() {
    return observation;
  }

  /** The severity asked for (set for {@link Observation#MATCH}). */
  public Severity severity() {
    return severity;
  }

  /** The CEL variables it was evaluated with. */
  public Map<String, Object> variables() {
    return variables;
  }

  /** All labels: the entity's, the rule's, then {@code finding} and {@code alertname}. */
  public Map<String, String> labels() {
    if (labels == null) {
      labels = rule.labels(baseLabels, variables, findingCode);
    }
    return labels;
  }

  /** Identity. */
  public String fingerprint() {
    if (fingerprint == null) {
      fingerprint = rule.fingerprint(labels());
    }
    return fingerprint;
  }

  public Map<String, String> annotations() {
    return rule.annotations(variables);
  }

  public Double value() {
    return rule.value(variables);
  }

  /** The alert to store when this instance fires. */
  public AlertCandidate candidate() {
    return new AlertCandidate(rule.name(), severity, labels(), annotations(), value());
  }

  /** One sentence on what was observed; the reason of a resolution. */
  public String detail() {
    String summary = annotations().get("summary");
    return summary != null && !summary.isBlank()
        ? summary
        : "the condition of " + rule.name() + " no longer holds";
  }

  @Override
  public String toString() {
    return rule.name() + " " + observation + " " + labels();
  }
}
