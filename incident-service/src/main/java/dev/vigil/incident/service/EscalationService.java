package dev.vigil.incident.service;

import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentEscalated;
import dev.vigil.events.IncidentStatus;
import dev.vigil.incident.config.EscalationConfig;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.TimelineEntry;
import dev.vigil.incident.domain.TimelineKind;
import dev.vigil.incident.domain.component.ComponentImpacts;
import dev.vigil.incident.domain.escalation.Escalation;
import dev.vigil.incident.domain.escalation.EscalationStep;
import dev.vigil.incident.domain.escalation.Escalator;
import dev.vigil.incident.domain.escalation.IncidentFacts;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.EscalationStore;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Escalation of unacknowledged incidents: starts, restarts and cancels chains as incidents change
 * (in the transaction of the change) and escalates due steps for the sweep. An escalation writes
 * its timeline entry and enqueues {@code IncidentEscalated} in one transaction, so a crash either
 * loses the whole step (it is escalated again later) or none of it.
 */
@ApplicationScoped
public class EscalationService {

  private static final Logger LOG = Logger.getLogger(EscalationService.class);

  private final EscalationStore escalations;
  private final IncidentStore incidents;
  private final ComponentStore components;
  private final Escalator escalator;
  private final Outbox outbox;
  private final EscalationConfig config;
  private final Clock clock;

  public EscalationService(
      EscalationStore escalations,
      IncidentStore incidents,
      ComponentStore components,
      Escalator escalator,
      Outbox outbox,
      EscalationConfig config,
      Clock clock) {
    this.escalations = escalations;
    this.incidents = incidents;
    this.components = components;
    this.escalator = escalator;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Called for every stored incident change, in its transaction and under its group lock. Opening
   * and reopening start a chain; acknowledging and resolving end it. Other changes cost nothing.
   */
  void onRecorded(Decision decision, List<String> affected) {
    if (!config.enabled()) {
      return;
    }
    Incident incident = decision.incident();
    boolean opened = decision.outcome() == Decision.Outcome.OPENED;
    boolean reopened = decision.change() == IncidentChange.REOPENED;
    boolean ends =
        decision.outcome() == Decision.Outcome.RESOLVED
            || decision.change() == IncidentChange.ACKNOWLEDGED;
    if (!opened && !reopened && !ends) {
      return;
    }
    Instant chainStart = opened ? incident.openedAt() : reopened ? incident.updatedAt() : null;
    Optional<Escalation> current = opened ? Optional.empty() : escalations.find(incident.id());
    escalator
        .afterChange(facts(incident, affected), chainStart, current)
        .ifPresent(escalations::save);
  }

  /** Due incidents, not locked; each is then escalated in its own transaction. */
  @Transactional
  public List<UUID> due(int limit) {
    return escalations.dueIncidents(clock.instant(), limit);
  }

  /**
   * Escalates the incident's due step, if it is still due and no other replica holds it.
   *
   * @return whether a step escalated
   */
  @Transactional
  public boolean escalateIfDue(UUID incidentId) {
    Optional<Incident> unlocked = incidents.find(incidentId);
    if (unlocked.isEmpty()) {
      return false;
    }
    // The group lock first, as commands and the alert consumer take it before they touch the
    // escalation row: the same order everywhere, so no deadlock.
    incidents.lockGroup(unlocked.get().groupKey());
    Optional<Escalation> claimed = escalations.claimDue(incidentId, clock.instant());
    if (claimed.isEmpty()) {
      return false;
    }
    Incident incident = incidents.find(incidentId).orElseThrow();
    List<String> affected = affected(incident);
    Escalator.Due due = escalator.decide(claimed.get(), facts(incident, affected));
    switch (due.kind()) {
      case WAIT -> {
        return false;
      }
      case SETTLE -> {
        escalations.save(due.next());
        return false;
      }
      case ESCALATE -> {
        escalate(incident, affected, due);
        return true;
      }
    }
    return false;
  }

  private void escalate(Incident incident, List<String> affected, Escalator.Due due) {
    Escalation next = due.next();
    Instant now = next.lastEscalatedAt();
    EscalationStep step = due.step();
    int steps = due.policy().steps().size();
    escalations.save(next);
    escalations.appendTimeline(
        incident.id(),
        new TimelineEntry(
            TimelineKind.ESCALATED,
            now,
            TimelineEntry.SYSTEM,
            "Escalated: step %d of %d (policy %s), not acknowledged; notifying %s"
                .formatted(
                    due.stepNumber(),
                    steps,
                    due.policy().name(),
                    String.join(", ", step.receivers())),
            null));
    outbox.enqueue(
        Channels.INCIDENT_ESCALATIONS,
        incident.id().toString(),
        now,
        new IncidentEscalated(
            incident.id().toString(),
            incident.groupKey(),
            incident.title(),
            incident.severity(),
            incident.status(),
            incident.labels(),
            affected,
            due.policy().name(),
            due.stepNumber(),
            steps,
            step.receivers(),
            incident.openedAt(),
            next.triggeredAt(),
            now));
    LOG.infof(
        "incident %s escalated: step %d of %d (policy %s) to %s",
        incident.id(), due.stepNumber(), steps, due.policy().name(), step.receivers());
  }

  /** The incident's escalation for its detail view. */
  @Transactional
  public Optional<EscalationView> view(UUID incidentId) {
    return escalations
        .find(incidentId)
        .map(
            e -> {
              var policy = escalator.policies().named(e.policy());
              int steps = policy.map(p -> p.steps().size()).orElse(0);
              List<String> next =
                  e.pending()
                      ? policy
                          .flatMap(p -> p.step(e.nextStep()))
                          .map(EscalationStep::receivers)
                          .orElse(List.of())
                      : List.of();
              return new EscalationView(e, steps, next);
            });
  }

  private List<String> affected(Incident incident) {
    return ComponentImpacts.of(incident, components.components()).keySet().stream()
        .sorted()
        .toList();
  }

  private static IncidentFacts facts(Incident incident, List<String> affected) {
    IncidentStatus status = incident.status();
    return new IncidentFacts(incident.id(), status, incident.severity(), affected);
  }
}
