package dev.vigil.incident.domain.sla;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one customer tier is promised: a target and a credit table, for a set of components (all of
 * them when the list is empty).
 */
public record SlaTier(
    String tier, double targetPercent, List<CreditStep> credits, List<String> components) {

  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  public SlaTier {
    Objects.requireNonNull(tier, "tier");
    credits = List.copyOf(credits);
    components = List.copyOf(components);
    // Validates target and credit table the same way for every component.
    new SlaPolicy("*", tier, targetPercent, credits);
  }

  public boolean covers(String component) {
    return components.isEmpty() || components.contains(component);
  }

  public SlaPolicy policyFor(String component) {
    return new SlaPolicy(component, tier, targetPercent, credits);
  }
}
