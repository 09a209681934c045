package dev.vigil.incident.domain.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The escalation decisions: when a chain starts, ends, and what a due step does. Plain functions of
 * the policies, the incident and the clock; the service only loads, calls and stores.
 *
 * <p>A step's delay counts from the moment the previous step actually escalated (the first from the
 * start of the chain), not from when it was due: after an outage of the service the remaining steps
 * keep their spacing instead of all firing at once.
 */
public final class Escalator {

  private final EscalationPolicies policies;
  private final Clock clock;

  public Escalator(EscalationPolicies policies, Clock clock) {
    this.policies = policies;
    this.clock = clock;
  }

  public EscalationPolicies policies() {
    return policies;
  }

  /**
   * What to store after an incident changed.
   *
   * @param chainStart when a chain (re)starts: the incident opened or reopened at this time; {@code
   *     null} for any other change
   * @return the escalation to store, or empty if it stays as it is
   */
  public Optional<Escalation> afterChange(
      IncidentFacts incident, Instant chainStart, Optional<Escalation> current) {
    if (!incident.unacknowledged()) {
      return current
          .filter(Escalation::pending)
          .map(e -> e.ended(Escalation.State.CANCELLED, incident.status().name().toLowerCase()));
    }
    if (chainStart == null) {
      return Optional.empty();
    }
    return Optional.of(start(incident, chainStart));
  }

  private Escalation start(IncidentFacts incident, Instant at) {
    EscalationPolicy policy = policies.forIncident(incident.severity(), incident.components());
    return policy
        .step(0)
        .map(
            first ->
                new Escalation(
                    incident.id(),
                    policy.name(),
                    Escalation.State.PENDING,
                    0,
                    0,
                    at.plus(first.delay()),
                    at,
                    null,
                    null))
        .orElseGet(
            () ->
                new Escalation(
                    incident.id(),
                    policy.name(),
                    Escalation.State.DONE,
                    0,
                    -1,
                    null,
                    at,
                    null,
                    "no steps"));
  }

  /** What a sweep does with an escalation it found due (re-checked here under the locks). */
  public Due decide(Escalation escalation, IncidentFacts incident) {
    Instant now = clock.instant();
    if (!escalation.pending() || escalation.dueAt().isAfter(now)) {
      return Due.waiting(escalation);
    }
    if (!incident.unacknowledged()) {
      // Normally cancelled by the acknowledgement itself; this covers rows written before it.
      return Due.settled(
          escalation.ended(Escalation.State.CANCELLED, incident.status().name().toLowerCase()));
    }
    // The policy is chosen again: a warning that turned critical moves to the critical chain.
    EscalationPolicy policy = policies.forIncident(incident.severity(), incident.components());
    Optional<EscalationStep> step = policy.step(escalation.nextStep());
    if (step.isEmpty()) {
      return Due.settled(escalation.ended(Escalation.State.DONE, "exhausted"));
    }
    int number = escalation.nextStep() + 1;
    Escalation after =
        policy
            .step(number)
            .map(
                next ->
                    new Escalation(
                        escalation.incidentId(),
                        policy.name(),
                        Escalation.State.PENDING,
                        number,
                        number,
                        now.plus(next.delay()),
                        escalation.triggeredAt(),
                        now,
                        null))
            .orElseGet(
                () ->
                    new Escalation(
                        escalation.incidentId(),
                        policy.name(),
                        Escalation.State.DONE,
                        number,
                        -1,
                        null,
                        escalation.triggeredAt(),
                        now,
                        "exhausted"));
    return new Due(Due.Kind.ESCALATE, after, policy, step.get(), number);
  }

  /**
   * The outcome of {@link #decide}.
   *
   * @param next the escalation to store
   * @param policy for {@link Kind#ESCALATE}: the policy that applied
   * @param step for {@link Kind#ESCALATE}: the step that escalates
   * @param stepNumber for {@link Kind#ESCALATE}: its 1-based number
   */
  public record Due(
      Kind kind, Escalation next, EscalationPolicy policy, EscalationStep step, int stepNumber) {

    public enum Kind {
      /** Not due (any more): nothing to do. */
      WAIT,
      /** The chain ends without notifying anyone: store {@code next}. */
      SETTLE,
      /** Notify the step's receivers, write the timeline, store {@code next}. */
      ESCALATE
    }

    static Due waiting(Escalation e) {
      return new Due(Kind.WAIT, e, null, null, 0);
    }

    static Due settled(Escalation e) {
      return new Due(Kind.SETTLE, e, null, null, 0);
    }
  }
}
