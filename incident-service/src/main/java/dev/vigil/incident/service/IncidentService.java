package dev.vigil.incident.service;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.IncidentChange;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentImpacts;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies alert events to incidents. Each call is one transaction: the inbox mark, the incident
 * change and the outgoing event commit together, so a redelivered alert event changes nothing.
 */
@ApplicationScoped
public class IncidentService {

  /** Inbox consumer name of the alerts channel. */
  static final String CONSUMER = "incident-service.alerts";

  /** Open incidents on an alert's components considered for joining; the oldest ones win. */
  private static final int CORRELATION_CANDIDATES = 5;

  private static final Logger LOG = Logger.getLogger(IncidentService.class);

  private final Inbox inbox;
  private final Outbox outbox;
  private final IncidentStore store;
  private final IncidentCorrelator correlator;
  private final IncidentMetrics metrics;
  private final ComponentStore components;
  private final PublicPage page;
  private final IntakeImpacts impacts;
  private final EscalationService escalations;

  public IncidentService(
      Inbox inbox,
      Outbox outbox,
      IncidentStore store,
      IncidentCorrelator correlator,
      IncidentMetrics metrics,
      ComponentStore components,
      PublicPage page,
      IntakeImpacts impacts,
      EscalationService escalations) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.store = store;
    this.correlator = correlator;
    this.metrics = metrics;
    this.components = components;
    this.page = page;
    this.impacts = impacts;
    this.escalations = escalations;
  }

  /**
   * Applies an AlertFired CloudEvent.
   *
   * @return {@code false} if the event was already applied
   */
  @Transactional
  public boolean onAlertFired(String eventId, AlertFired fired) {
    store.lockGroup(fired.groupKey());
    return apply(AlertEvent.of(eventId, fired));
  }

  /**
   * Applies an AlertResolved CloudEvent; one for an alert no open incident holds is ignored.
   *
   * @return {@code false} if the event was already applied
   */
  @Transactional
  public boolean onAlertResolved(String eventId, AlertResolved resolved) {
    if (resolved.groupKey() != null) {
      store.lockGroup(resolved.groupKey());
    }
    return apply(AlertEvent.of(eventId, resolved));
  }

  /**
   * Applies a batch of alert events, in order, in one transaction: at hundreds of alerts a second
   * the commit per event was the bottleneck. Any failure rolls the whole batch back; the caller
   * then applies the events one by one.
   *
   * @return how many events were applied for the first time
   */
  @Transactional
  public int onAlerts(List<AlertEvent> events) {
    // Every group of the batch is locked up front, in one fixed order, so that two replicas
    // working on overlapping groups wait for each other instead of deadlocking.
    store.lockGroups(
        events.stream().map(AlertEvent::groupKey).filter(Objects::nonNull).distinct().toList());
    int applied = 0;
    for (AlertEvent event : events) {
      if (apply(event)) {
        applied++;
      }
      // Each event reloads what it needs: a persistence context growing over the whole batch
      // would make every flush walk all of it.
      store.flushAndClear();
    }
    return applied;
  }

  /** Applies one event under its group's lock (held by the caller). */
  private boolean apply(AlertEvent event) {
    if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
      LOG.debugf("duplicate alert event %s skipped", event.eventId());
      return false;
    }
    if (event.fired() != null) {
      recordAlertDecision(onFired(event.fired()));
    } else {
      AlertResolved resolved = event.resolved();
      recordAlertDecision(
          correlator.onAlertResolved(
              resolved, store.findOpenWithFiringAlert(resolved.fingerprint())));
    }
    return true;
  }

  private Decision onFired(AlertFired fired) {
    Optional<Incident> open = store.findOpenByGroup(fired.groupKey(), fired.fingerprint());
    if (open.isPresent()) {
      return correlator.onAlertFired(fired, open, Optional.empty());
    }
    List<Component> definitions = components.components();
    List<Incident> sameComponent = List.of();
    if (correlator.correlatesByComponent()) {
      List<String> affected =
          definitions.stream()
              .filter(c -> c.affectedBy(fired.labels()))
              .map(Component::id)
              .toList();
      sameComponent =
          store.findJoinable(
              affected,
              correlator.correlationCutoff(),
              correlator.correlationMaxAlerts(),
              CORRELATION_CANDIDATES,
              fired.fingerprint());
    }
    return correlator.onAlertFired(
        fired,
        Optional.empty(),
        store.findLastResolvedByGroup(fired.groupKey(), fired.fingerprint()),
        definitions,
        sameComponent);
  }

  /**
   * Stores a decision of the alert path, whose incident was loaded with only the alert concerned:
   * the component impacts are updated from that alert's change where that is enough (see {@link
   * IntakeImpacts}).
   */
  private void recordAlertDecision(Decision decision) {
    if (!decision.changesState()) {
      LOG.infof("alert %s ignored: %s", decision.alertFingerprint(), decision.message());
      return;
    }
    Incident incident = decision.incident();
    store.save(incident);
    impacts.update(decision);
    announce(decision, incident);
  }

  /** Stores a decision and queues its event in the caller's transaction. */
  void record(Decision decision) {
    if (!decision.changesState()) {
      LOG.infof("alert %s ignored: %s", decision.alertFingerprint(), decision.message());
      return;
    }
    Incident incident = decision.incident();
    store.save(incident);
    // The components this incident holds, as impact segments: the status page and uptime read them.
    components.replaceImpacts(
        incident.id(),
        ComponentImpacts.of(incident, components.components()),
        incident.updatedAt());
    announce(decision, incident);
  }

  private void announce(Decision decision, Incident incident) {
    // Only IncidentOpened and IncidentResolved name the components, and the escalation policy of a
    // (re)opened incident depends on them: the query is saved otherwise.
    List<String> affected =
        decision.outcome() == Decision.Outcome.OPENED
                || decision.outcome() == Decision.Outcome.RESOLVED
                || decision.change() == IncidentChange.REOPENED
            ? components.componentsOfIncident(incident.id())
            : List.of();
    escalations.onRecorded(decision, affected);
    IncidentEvents.of(decision, affected)
        .ifPresent(
            payload ->
                outbox.enqueue(
                    Channels.INCIDENTS, incident.id().toString(), incident.updatedAt(), payload));
    metrics.countOnCommit(decision.outcome());
    page.changed();
  }
}
