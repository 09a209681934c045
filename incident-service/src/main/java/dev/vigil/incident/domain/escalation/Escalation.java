package dev.vigil.incident.domain.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an incident's escalation chain stands: one per incident, kept after the chain ends so the
 * incident's detail can show how far it went.
 *
 * @param policy the policy chosen when the chain started or last escalated
 * @param level steps escalated in the current chain (0 = none yet)
 * @param nextStep 0-based index of the step due next; {@code -1} unless {@link State#PENDING}
 * @param dueAt when the next step comes due; {@code null} unless {@link State#PENDING}
 * @param triggeredAt when the current chain started (the incident opened or reopened)
 * @param lastEscalatedAt when the last step escalated; {@code null} if none did
 * @param endedBy why the chain ended ({@code acknowledged}, {@code resolved}, {@code exhausted});
 *     {@code null} while pending
 */
public record Escalation(
    UUID incidentId,
    String policy,
    State state,
    int level,
    int nextStep,
    Instant dueAt,
    Instant triggeredAt,
    Instant lastEscalatedAt,
    String endedBy) {

  /** Whether another step may still come. */
  public enum State {
    PENDING,
    /** Acknowledged or resolved before the chain ran out. */
    CANCELLED,
    /** Every step escalated (or the policy has none). */
    DONE
  }

  public Escalation {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(triggeredAt, "triggeredAt");
    if ((state == State.PENDING) != (dueAt != null && nextStep >= 0)) {
      throw new IllegalArgumentException("a pending escalation, and only one, has a next step");
    }
  }

  public boolean pending() {
    return state == State.PENDING;
  }

  Escalation ended(State end, String reason) {
    return new Escalation(
        incidentId, policy, end, level, -1, null, triggeredAt, lastEscalatedAt, reason);
  }
}
