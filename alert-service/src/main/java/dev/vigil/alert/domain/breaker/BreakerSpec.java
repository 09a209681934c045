package dev.vigil.alert.domain.breaker;

import dev.vigil.alert.domain.notify.LabelMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declared circuit breaker: which alerts open it, for which scope, and how it closes again.
 *
 * @param name unique id, {@code [A-Za-z0-9_.-]+}; {@code RiskControlChanged.breakerId}
 * @param description for humans, may be {@code null}
 * @param scope template giving the scope from an alert's labels, e.g. {@code chain:{{ chain_id }}}
 * @param matchers Alertmanager matchers; an alert opens the breaker when it matches all of them
 * @param minOpen how long it stays {@code OPEN} at least, even when the alerts resolve sooner
 * @param halfOpen whether it probes ({@code HALF_OPEN}) before closing; without, it closes as soon
 *     as the minimum open time ended with no alert firing
 * @param healthyPeriod how long a probing breaker must see no matching alert before it closes
 * @param actions what consumers should do while it is not {@code CLOSED}, e.g. {@code
 *     pause-deposits}
 * @param enabled {@code false} removes a breaker of the same name from a lower layer
 */
public record BreakerSpec(
    String name,
    String description,
    ScopeTemplate scope,
    List<LabelMatcher> matchers,
    Duration minOpen,
    boolean halfOpen,
    Duration healthyPeriod,
    List<String> actions,
    boolean enabled) {

  public BreakerSpec {
    matchers = List.copyOf(matchers);
    actions = List.copyOf(actions);
  }

  /** The scope this alert opens, or empty when the alert does not concern this breaker. */
  public Optional<String> scopeOf(Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels)) {
        return Optional.empty();
      }
    }
    return scope.render(labels);
  }
}
