package dev.vigil.incident.service;

import dev.vigil.events.AlertFired;
import dev.vigil.events.IncidentChange;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentImpacts;
import dev.vigil.incident.domain.intake.IntakeUnit;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.incident.persistence.IntakeReads;
import dev.vigil.incident.persistence.IntakeWrites;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.outbox.Outbox;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies alert events to incidents, and stores the decisions of responders' commands and sweeps
 * ({@link #record}). Each call is one transaction: the inbox marks, the incident changes and the
 * outgoing events commit together, so a redelivered alert event changes nothing.
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
  private final IntakeReads reads;
  private final IntakeWrites writes;
  private final EscalationService escalations;

  public IncidentService(
      Inbox inbox,
      Outbox outbox,
      IncidentStore store,
      IncidentCorrelator correlator,
      IncidentMetrics metrics,
      ComponentStore components,
      PublicPage page,
      IntakeReads reads,
      IntakeWrites writes,
      EscalationService escalations) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.store = store;
    this.correlator = correlator;
    this.metrics = metrics;
    this.components = components;
    this.page = page;
    this.reads = reads;
    this.writes = writes;
    this.escalations = escalations;
  }

  /**
   * Applies a batch of alert events, in order, in one transaction: at hundreds of alerts a second
   * the commit per event was the bottleneck, and then the statements per event. Every incident the
   * batch can touch is loaded up front in a few set-based queries into a unit of work ({@link
   * IntakeUnit}); each event is decided against it as it would have been against the database one
   * event at a time; the changes are written at the end with one JDBC batch per table. Any failure
   * rolls the whole batch back; the caller then applies the events one by one.
   *
   * @return how many events were applied for the first time
   */
  @Transactional
  @TransactionConfiguration(
      timeoutFromConfigProperty = "vigil.incident.consumer.transaction-timeout")
  public int onAlerts(List<AlertEvent> events) {
    // Every group of the batch is locked up front, in one fixed order, so that two replicas
    // working on overlapping groups wait for each other instead of deadlocking.
    store.lockGroups(
        events.stream().map(AlertEvent::groupKey).filter(Objects::nonNull).distinct().toList());
    Set<String> first =
        new HashSet<>(
            inbox.firstDeliveries(CONSUMER, events.stream().map(AlertEvent::eventId).toList()));
    List<AlertEvent> fresh = new ArrayList<>(events.size());
    for (AlertEvent event : events) {
      // remove: an id repeated within the batch is applied once.
      if (first.remove(event.eventId())) {
        fresh.add(event);
      } else {
        LOG.debugf("duplicate alert event %s skipped", event.eventId());
      }
    }
    if (fresh.isEmpty()) {
      return 0;
    }
    List<Component> definitions = components.components();
    IntakeReads.Needs needs = needs(fresh, definitions);
    IntakeUnit unit = reads.load(needs);
    List<Decision> recorded = new ArrayList<>();
    List<List<String>> affected = new ArrayList<>();
    for (AlertEvent event : fresh) {
      Decision decision =
          event.fired() != null
              ? onFired(unit, needs, event.fired(), definitions)
              : correlator.onAlertResolved(
                  event.resolved(), unit.openWithFiringAlert(event.resolved().fingerprint()));
      if (!decision.changesState()) {
        LOG.infof("alert %s ignored: %s", decision.alertFingerprint(), decision.message());
        continue;
      }
      unit.record(decision);
      unit.updateImpacts(decision, definitions);
      recorded.add(decision);
      // As of this event: a later event of the batch may add components.
      affected.add(
          namesComponents(decision)
              ? unit.impacts().everAffected(decision.incident().id())
              : List.of());
    }
    List<Outbox.Entry> outgoing = new ArrayList<>();
    for (int i = 0; i < recorded.size(); i++) {
      Decision decision = recorded.get(i);
      IncidentEvents.of(decision, affected.get(i))
          .ifPresent(
              payload ->
                  outgoing.add(
                      new Outbox.Entry(
                          decision.incident().id().toString(),
                          decision.incident().updatedAt(),
                          payload)));
      metrics.countOnCommit(decision.outcome());
    }
    writes.write(unit);
    // One JDBC batch; it wakes the relay after the commit.
    outbox.enqueueAll(Channels.INCIDENTS, outgoing);
    // After the rows exist (the escalation row refers to its incident).
    for (int i = 0; i < recorded.size(); i++) {
      escalations.onRecorded(recorded.get(i), affected.get(i));
    }
    if (!recorded.isEmpty()) {
      page.changed();
    }
    return fresh.size();
  }

  /** What the batch's events can look up, for loading the unit in one go. */
  private IntakeReads.Needs needs(List<AlertEvent> events, List<Component> definitions) {
    Set<String> groups = new HashSet<>();
    Set<String> firing = new HashSet<>();
    Set<String> fingerprints = new HashSet<>();
    Set<String> joinComponents = new HashSet<>();
    for (AlertEvent event : events) {
      if (event.fired() != null) {
        AlertFired fired = event.fired();
        groups.add(fired.groupKey());
        fingerprints.add(fired.fingerprint());
        if (correlator.correlatesByComponent()) {
          joinComponents.addAll(affectedBy(fired, definitions));
        }
      } else {
        firing.add(event.resolved().fingerprint());
        fingerprints.add(event.resolved().fingerprint());
      }
    }
    return new IntakeReads.Needs(
        groups,
        firing,
        fingerprints,
        joinComponents,
        correlator.correlationCutoff(),
        correlator.correlationMaxAlerts(),
        CORRELATION_CANDIDATES);
  }

  private Decision onFired(
      IntakeUnit unit, IntakeReads.Needs needs, AlertFired fired, List<Component> definitions) {
    Optional<Incident> open = unit.openByGroup(fired.groupKey());
    if (open.isPresent()) {
      return correlator.onAlertFired(fired, open, Optional.empty());
    }
    List<Incident> sameComponent = List.of();
    if (correlator.correlatesByComponent()) {
      List<String> affected = affectedBy(fired, definitions);
      if (!affected.isEmpty()) {
        Instant cutoff = correlator.correlationCutoff();
        int max = correlator.correlationMaxAlerts();
        for (String runOut : unit.candidatesRunOut(affected, cutoff, max, CORRELATION_CANDIDATES)) {
          reads.moreCandidates(unit, runOut, needs, cutoff);
        }
        sameComponent = unit.joinable(affected, cutoff, max, CORRELATION_CANDIDATES);
      }
    }
    return correlator.onAlertFired(
        fired,
        Optional.empty(),
        unit.lastResolvedByGroup(fired.groupKey()),
        definitions,
        sameComponent);
  }

  private static List<String> affectedBy(AlertFired fired, List<Component> definitions) {
    return definitions.stream()
        .filter(c -> c.affectedBy(fired.labels()))
        .map(Component::id)
        .toList();
  }

  /**
   * Only IncidentOpened and IncidentResolved name the components, and the escalation policy of a
   * (re)opened incident depends on them.
   */
  private static boolean namesComponents(Decision decision) {
    return decision.outcome() == Decision.Outcome.OPENED
        || decision.outcome() == Decision.Outcome.RESOLVED
        || decision.change() == IncidentChange.REOPENED;
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
    List<String> affected =
        namesComponents(decision) ? components.componentsOfIncident(incident.id()) : List.of();
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
