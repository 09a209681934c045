package dev.vigil.alert.rules;

import java.util.List;

/**
 * What one rule says about one event.
 *
 * @param rule the rule
 * @param noData the event says nothing about this rule (guard false or not evaluable): stored
 *     alerts keep their state
 * @param instances the alerts it observed; stored alerts of the rule and entity that are not among
 *     them have recovered (a finding went away, the labels changed)
 * @param error the first evaluation error, or {@code null}
 */
public record RuleOutcome(
    CompiledRule rule, boolean noData, List<RuleInstance> instances, String error) {

  public RuleOutcome {
    instances = List.copyOf(instances);
  }
}
