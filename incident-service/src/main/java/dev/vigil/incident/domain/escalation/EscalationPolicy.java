package dev.vigil.incident.domain.escalation;

import dev.vigil.events.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who is told again, and when, while an incident stays unacknowledged.
 *
 * @param name the policy's name (from configuration), carried on the timeline and the event
 * @param components the policy applies to incidents affecting any of these components; empty = any
 * @param severity the policy applies to incidents of this severity; {@code null} = any
 * @param steps in order; empty = incidents this policy selects never escalate
 */
public record EscalationPolicy(
    String name, Set<String> components, Severity severity, List<EscalationStep> steps) {

  /** The policy every incident falls back to. */
  public static final String DEFAULT = "default";

  public EscalationPolicy {
    Objects.requireNonNull(name, "name");
    components = Set.copyOf(components);
    steps = List.copyOf(steps);
  }

  /** Whether this policy applies to an incident of {@code severity} affecting {@code affected}. */
  public boolean matches(Severity incidentSeverity, Collection<String> affected) {
    boolean severityOk = severity == null || severity == incidentSeverity;
    boolean componentOk = components.isEmpty() || affected.stream().anyMatch(components::contains);
    return severityOk && componentOk;
  }

  /**
   * How specific the policy is: component and severity (3) beat component (2) beat severity (1)
   * beat neither (0). A component names the service's owners, so it outranks a severity.
   */
  public int specificity() {
    return (components.isEmpty() ? 0 : 2) + (severity == null ? 0 : 1);
  }

  /** The step at 0-based {@code index}, if the policy has one. */
  public java.util.Optional<EscalationStep> step(int index) {
    return index >= 0 && index < steps.size()
        ? java.util.Optional.of(steps.get(index))
        : java.util.Optional.empty();
  }
}
