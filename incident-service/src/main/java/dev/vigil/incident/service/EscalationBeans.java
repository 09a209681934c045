package dev.vigil.incident.service;

import dev.vigil.incident.config.EscalationConfig;
import dev.vigil.incident.domain.escalation.EscalationPolicies;
import dev.vigil.incident.domain.escalation.EscalationPolicy;
import dev.vigil.incident.domain.escalation.EscalationPolicyParser;
import dev.vigil.incident.domain.escalation.Escalator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the plain-Java escalator. A bad policy fails the start with the property at fault: running
 * with a chain nobody meant is worse than not running.
 */
public class EscalationBeans {

  @Produces
  @Singleton
  Escalator escalator(EscalationConfig config, Clock clock) {
    List<EscalationPolicy> policies = new ArrayList<>();
    config
        .policies()
        .forEach(
            (name, p) ->
                policies.add(
                    EscalationPolicyParser.parse(
                        name, p.components().orElse(null), p.severity().orElse(null), p.steps())));
    return new Escalator(new EscalationPolicies(policies), clock);
  }
}
