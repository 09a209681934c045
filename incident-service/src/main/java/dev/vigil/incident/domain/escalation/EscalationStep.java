package dev.vigil.incident.domain.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of an escalation policy.
 *
 * @param delay how long after the chain started (first step) or after the previous step escalated
 *     this step comes due
 * @param receivers alert-service receiver names notified when it escalates; at least one
 */
public record EscalationStep(Duration delay, List<String> receivers) {

  public EscalationStep {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    receivers = List.copyOf(receivers);
    if (receivers.isEmpty()) {
      throw new IllegalArgumentException("a step needs at least one receiver");
    }
  }
}
