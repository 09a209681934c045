package dev.vigil.incident.domain.escalation;

import dev.vigil.events.Severity;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The configured escalation policies. An incident gets the most specific policy that matches it
 * (see {@link EscalationPolicy#specificity()}); ties go to the name first in alphabetical order, so
 * the choice never depends on the order of configuration keys. Every incident matches at least the
 * {@value EscalationPolicy#DEFAULT} policy, which is added without steps if not configured.
 */
public final class EscalationPolicies {

  private final List<EscalationPolicy> policies;

  public EscalationPolicies(List<EscalationPolicy> configured) {
    List<EscalationPolicy> all = new java.util.ArrayList<>(configured);
    for (EscalationPolicy p : configured) {
      if (p.name().equals(EscalationPolicy.DEFAULT)
          && (!p.components().isEmpty() || p.severity() != null)) {
        throw new IllegalArgumentException(
            "vigil.escalation.policies.default: the default policy cannot be limited to a"
                + " component or severity");
      }
    }
    if (all.stream().noneMatch(p -> p.name().equals(EscalationPolicy.DEFAULT))) {
      all.add(new EscalationPolicy(EscalationPolicy.DEFAULT, java.util.Set.of(), null, List.of()));
    }
    all.sort(
        Comparator.comparingInt(EscalationPolicy::specificity)
            .reversed()
            .thenComparing(EscalationPolicy::name));
    this.policies = List.copyOf(all);
  }

  /** The policy for an incident of {@code severity} affecting {@code components}. */
  public EscalationPolicy forIncident(Severity severity, Collection<String> components) {
    return policies.stream()
        .filter(p -> p.matches(severity, components))
        .findFirst()
        .orElseThrow(); // the default matches everything
  }

  public Optional<EscalationPolicy> named(String name) {
    return policies.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Most specific first. */
  public List<EscalationPolicy> all() {
    return policies;
  }
}
