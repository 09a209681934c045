package dev.vigil.incident.service;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.component.ComponentImpacts;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies alert events to incidents. Each call is one transaction: the inbox mark, the incident
 * change and the outgoing event commit together, so a redelivered alert event changes nothing.
 */
@ApplicationScoped
public class IncidentService {

  /** Inbox consumer name of the alerts channel. */
  static final String CONSUMER = "incident-service.alerts";

  private static final Logger LOG = Logger.getLogger(IncidentService.class);

  private final Inbox inbox;
  private final Outbox outbox;
  private final IncidentStore store;
  private final IncidentCorrelator correlator;
  private final IncidentMetrics metrics;
  private final ComponentStore components;

  public IncidentService(
      Inbox inbox,
      Outbox outbox,
      IncidentStore store,
      IncidentCorrelator correlator,
      IncidentMetrics metrics,
      ComponentStore components) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.store = store;
    this.correlator = correlator;
    this.metrics = metrics;
    this.components = components;
  }

  /**
   * Applies an AlertFired CloudEvent.
   *
   * @return {@code false} if the event was already applied
   */
  @Transactional
  public boolean onAlertFired(String eventId, AlertFired fired) {
    if (!inbox.firstDelivery(CONSUMER, eventId)) {
      LOG.debugf("duplicate AlertFired %s skipped", eventId);
      return false;
    }
    store.lockGroup(fired.groupKey());
    record(
        correlator.onAlertFired(
            fired,
            store.findOpenByGroup(fired.groupKey()),
            store.findLastResolvedByGroup(fired.groupKey())));
    return true;
  }

  /**
   * Applies an AlertResolved CloudEvent; one for an alert no open incident holds is ignored.
   *
   * @return {@code false} if the event was already applied
   */
  @Transactional
  public boolean onAlertResolved(String eventId, AlertResolved resolved) {
    if (!inbox.firstDelivery(CONSUMER, eventId)) {
      LOG.debugf("duplicate AlertResolved %s skipped", eventId);
      return false;
    }
    if (resolved.groupKey() != null) {
      store.lockGroup(resolved.groupKey());
    }
    record(
        correlator.onAlertResolved(
            resolved, store.findOpenWithFiringAlert(resolved.fingerprint())));
    return true;
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
    List<String> affected =
        components.reconcileImpacts(
            incident.id(),
            ComponentImpacts.of(incident, components.components()),
            incident.updatedAt());
    IncidentEvents.of(decision, affected)
        .ifPresent(
            payload ->
                outbox.enqueue(
                    Channels.INCIDENTS,
                    decision.incident().id().toString(),
                    decision.incident().updatedAt(),
                    payload));
    metrics.countOnCommit(decision.outcome());
  }
}
