package dev.vigil.incident.rest;

import dev.vigil.incident.domain.escalation.Escalation;
import dev.vigil.incident.service.EscalationView;
import java.time.Instant;
import java.util.List;

/**
 * Where an incident's escalation stands; {@code null} in the detail until a chain started.
 *
 * @param state {@code PENDING} (a step will come), {@code CANCELLED} (acknowledged or resolved),
 *     {@code DONE} (every step escalated)
 * @param level steps escalated in the current chain
 * @param steps steps of the policy
 * @param nextStep 1-based number of the step due next; {@code null} unless pending
 * @param nextDueAt when it comes due
 * @param nextReceivers who it will notify
 */
public record EscalationDto(
    String policy,
    Escalation.State state,
    int level,
    int steps,
    Integer nextStep,
    Instant nextDueAt,
    List<String> nextReceivers,
    Instant triggeredAt,
    Instant lastEscalatedAt,
    String endedBy) {

  static EscalationDto of(EscalationView view) {
    if (view == null) {
      return null;
    }
    Escalation e = view.escalation();
    return new EscalationDto(
        e.policy(),
        e.state(),
        e.level(),
        view.steps(),
        e.pending() ? e.nextStep() + 1 : null,
        e.dueAt(),
        view.nextReceivers(),
        e.triggeredAt(),
        e.lastEscalatedAt(),
        e.endedBy());
  }
}
