package dev.vigil.alert.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * {@code vigil_alert_rule_errors_total{rule=...}}: evaluations a rule could not complete (a field
 * missing, a type mismatch at run time). The tag is a configured rule name, so its values are
 * bounded by the rule set. Logged at debug: a rule over optional fields errs on every event that
 * lacks them, which is "no data", not a fault.
 */
@ApplicationScoped
public class RuleErrors {

  private static final Logger LOG = Logger.getLogger(RuleErrors.class);

  private final MeterRegistry registry;

  public RuleErrors(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(String rule, String error) {
    registry.counter("vigil.alert.rule.errors", "rule", rule).increment();
    LOG.debugf("rule %s could not be evaluated: %s", rule, error);
  }
}
