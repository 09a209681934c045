package dev.vigil.alert.service;

import dev.vigil.alert.domain.AlertState;
import dev.vigil.alert.domain.AlertTransition;
import dev.vigil.alert.domain.Decision;
import dev.vigil.alert.domain.Observation;
import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.alert.persistence.AlertRepository;
import dev.vigil.alert.persistence.ObservedEntityRepository;
import dev.vigil.alert.rules.CompiledRule;
import dev.vigil.alert.rules.FactSheets;
import dev.vigil.alert.rules.Facts;
import dev.vigil.alert.rules.RuleInstance;
import dev.vigil.alert.rules.RuleOutcome;
import dev.vigil.alert.rules.RuleSet;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies observations to the stored alerts: evaluates the rules of the event's type, runs the
 * state machine for every alert they hold for the observed entity, and stores the result and the
 * events in one transaction with the inbox mark.
 */
@ApplicationScoped
public class AlertService {

  /** Inbox consumer name of the certificate-scan consumer. */
  public static final String CERTIFICATE_SCANS_CONSUMER = "alert-service.certificate-scans";

  /** Inbox consumer name of the chain-health consumer. */
  public static final String CHAIN_HEALTH_CONSUMER = "alert-service.chain-health";

  /** Inbox consumer name of the inbound CloudEvent consumer. */
  public static final String INBOUND_CONSUMER = "alert-service.inbound-events";

  private static final Logger LOG = Logger.getLogger(AlertService.class);

  private final Inbox inbox;
  private final AlertRepository alerts;
  private final ObservedEntityRepository observed;
  private final RuleRegistry rules;
  private final AlertWriter writer;
  private final RuleErrors errors;
  private final SeenEntities seen;
  private final Clock clock;

  public AlertService(
      Inbox inbox,
      AlertRepository alerts,
      ObservedEntityRepository observed,
      RuleRegistry rules,
      AlertWriter writer,
      RuleErrors errors,
      SeenEntities seen,
      Clock clock) {
    this.inbox = inbox;
    this.alerts = alerts;
    this.observed = observed;
    this.rules = rules;
    this.writer = writer;
    this.errors = errors;
    this.seen = seen;
    this.clock = clock;
  }

  /** Applies one {@code CertificateScanned}; empty for a duplicate delivery. */
  @Transactional
  public List<AlertTransitioned> apply(String eventId, CertificateScanned scan) {
    return applyOnce(CERTIFICATE_SCANS_CONSUMER, eventId, FactSheets.certificate(scan));
  }

  /** Applies one {@code ChainHealthObserved}; empty for a duplicate delivery. */
  @Transactional
  public List<AlertTransitioned> apply(String eventId, ChainHealthObserved observation) {
    return applyOnce(CHAIN_HEALTH_CONSUMER, eventId, FactSheets.chain(observation));
  }

  /** One event for {@link #applyAll}: its CloudEvent id and what the rules see of it. */
  public record Inbound(String eventId, Facts facts) {}

  /**
   * Applies one event of any type.
   *
   * @param consumer inbox consumer name
   * @param eventId the CloudEvent id, used to skip redeliveries and as causation id
   * @return what changed; empty for a duplicate delivery or when nothing changed
   */
  @Transactional
  public List<AlertTransitioned> applyOnce(String consumer, String eventId, Facts facts) {
    return applyAll(consumer, List.of(new Inbound(eventId, facts)));
  }

  /**
   * Applies a batch of events (one Kafka poll) in one transaction, in order: one inbox statement,
   * one query for the stored alerts of every entity of the batch, one statement for the
   * observed-entity rows that are due, and writes only where an alert changed. Events about one
   * entity see each other's effects, exactly as if each had its own transaction.
   *
   * @param consumer inbox consumer name
   * @return what changed; redeliveries (and repeats within the batch) change nothing
   */
  @Transactional
  public List<AlertTransitioned> applyAll(String consumer, List<Inbound> events) {
    Set<String> first =
        new HashSet<>(
            inbox.firstDeliveries(consumer, events.stream().map(Inbound::eventId).toList()));
    RuleSet set = rules.current();
    List<Inbound> todo = new ArrayList<>(events.size());
    for (Inbound e : events) {
      if (!first.remove(e.eventId())) {
        LOG.debugf("event %s already applied, skipping", e.eventId());
      } else if (set.hasRulesFor(e.facts().source())
          || !set.noDataRules(e.facts().source()).isEmpty()) {
        todo.add(e);
      }
    }
    if (todo.isEmpty()) {
      return List.of();
    }
    recordObserved(set, todo);
    Map<EntityKey, List<AlertEntity>> stored = new HashMap<>();
    for (Inbound e : todo) {
      stored.put(EntityKey.of(e.facts()), new ArrayList<>());
    }
    for (AlertEntity a :
        alerts.findByEntities(
            stored.keySet().stream().map(EntityKey::source).collect(Collectors.toSet()),
            stored.keySet().stream().map(EntityKey::entityId).collect(Collectors.toSet()))) {
      List<AlertEntity> own = stored.get(new EntityKey(a.source, a.targetId));
      if (own != null) {
        own.add(a);
      }
    }
    List<AlertTransitioned> result = new ArrayList<>();
    for (Inbound e : todo) {
      evaluate(set, e.eventId(), e.facts(), stored.get(EntityKey.of(e.facts())), result);
    }
    return result;
  }

  /** The no-data clock: one statement for the entities of the batch whose row is due. */
  private void recordObserved(RuleSet set, List<Inbound> events) {
    Instant now = now();
    List<ObservedEntityRepository.Row> due = new ArrayList<>();
    for (Inbound e : events) {
      Facts f = e.facts();
      if (!set.noDataRules(f.source()).isEmpty()
          && seen.needsWrite(f.source(), f.entityId(), f.labels(), now)) {
        due.add(new ObservedEntityRepository.Row(f.source(), f.entityId(), f.labels(), now));
      }
    }
    observed.seenAll(due);
  }

  private record EntityKey(String source, String entityId) {
    static EntityKey of(Facts facts) {
      return new EntityKey(facts.source(), facts.entityId());
    }
  }

  /**
   * Runs one event through the rules and the state machine.
   *
   * @param stored the entity's stored alerts; alerts this event creates are added to it
   */
  private void evaluate(
      RuleSet set,
      String eventId,
      Facts facts,
      List<AlertEntity> stored,
      List<AlertTransitioned> result) {
    Instant now = now();
    Map<String, List<AlertEntity>> byRule = new HashMap<>();
    for (AlertEntity a : stored) {
      byRule.computeIfAbsent(a.alertName, k -> new ArrayList<>()).add(a);
    }
    for (CompiledRule silent : set.noDataRules(facts.source())) {
      for (AlertEntity a : byRule.getOrDefault(silent.name(), List.of())) {
        Decision d =
            AlertTransition.decide(a.state(), Observation.RECOVERED, null, silent.timing(), now);
        add(result, writer.apply(a, d, change(facts, null, "observed again", eventId), now));
      }
    }
    for (RuleOutcome outcome : set.evaluate(facts)) {
      if (outcome.error() != null) {
        errors.count(outcome.rule().name(), outcome.error());
      }
      if (!outcome.noData()) {
        reconcile(
            result,
            outcome,
            byRule.getOrDefault(outcome.rule().name(), List.of()),
            stored,
            facts,
            eventId,
            now);
      }
    }
  }

  /**
   * Brings the stored alerts of one rule and entity in line with what the rule observed. A stored
   * alert that is not among the observed instances has recovered: its finding went away, or the
   * entity's labels changed and it is superseded by an alert with another fingerprint.
   */
  private void reconcile(
      List<AlertTransitioned> result,
      RuleOutcome outcome,
      List<AlertEntity> stored,
      List<AlertEntity> entityAlerts,
      Facts facts,
      String eventId,
      Instant now) {
    CompiledRule rule = outcome.rule();
    if (stored.isEmpty()) {
      // The common case: nothing stored, so only a match can change anything, and the labels
      // and fingerprint of healthy instances are never computed.
      for (RuleInstance i : outcome.instances()) {
        if (i.observation() == Observation.MATCH) {
          Decision d =
              AlertTransition.decide(null, Observation.MATCH, i.severity(), rule.timing(), now);
          add(
              result,
              created(
                  entityAlerts,
                  writer.apply(null, d, change(facts, i.candidate(), null, eventId), now)));
        }
      }
      return;
    }
    Map<String, RuleInstance> observedNow = new HashMap<>();
    String replacement = null;
    for (RuleInstance i : outcome.instances()) {
      observedNow.put(i.fingerprint(), i);
      if (i.observation() == Observation.MATCH) {
        replacement = i.fingerprint();
      }
    }
    Set<String> storedFingerprints = new HashSet<>();
    for (AlertEntity a : stored) {
      storedFingerprints.add(a.fingerprint);
      if (observedNow.containsKey(a.fingerprint)) {
        continue;
      }
      String reason =
          replacement != null && outcome.instances().size() == 1
              ? "superseded by alert " + replacement + ": the labels changed"
              : "no longer observed by " + rule.name();
      Decision d =
          AlertTransition.decide(a.state(), Observation.RECOVERED, null, rule.timing(), now);
      add(result, writer.apply(a, d, change(facts, null, reason, eventId), now));
    }
    for (RuleInstance i : outcome.instances()) {
      AlertEntity a = null;
      if (storedFingerprints.contains(i.fingerprint())) {
        a =
            stored.stream()
                .filter(s -> s.fingerprint.equals(i.fingerprint()))
                .findFirst()
                .orElseThrow();
      }
      AlertState state = a == null ? null : a.state();
      Decision d = AlertTransition.decide(state, i.observation(), i.severity(), rule.timing(), now);
      if (d.transition() == AlertTransition.NONE) {
        continue;
      }
      boolean matched = i.observation() == Observation.MATCH;
      String reason =
          d.transition() == AlertTransition.RESOLVE || d.transition() == AlertTransition.CANCEL
              ? i.detail()
              : null;
      AlertTransitioned t =
          writer.apply(a, d, change(facts, matched ? i.candidate() : null, reason, eventId), now);
      add(result, a == null ? created(entityAlerts, t) : t);
    }
  }

  private static AlertWriter.Change change(
      Facts facts, dev.vigil.alert.domain.AlertCandidate c, String reason, String eventId) {
    return new AlertWriter.Change(facts.source(), facts.entityId(), c, reason, eventId, null);
  }

  /**
   * Adds a newly stored alert to its entity's list, so later events of the batch see it. The row is
   * in the persistence context, so finding it costs no query.
   */
  private AlertTransitioned created(List<AlertEntity> entityAlerts, AlertTransitioned t) {
    if (t != null) {
      entityAlerts.add(alerts.findById(t.fingerprint()));
    }
    return t;
  }

  private static void add(List<AlertTransitioned> result, AlertTransitioned t) {
    if (t != null && t.transition() != AlertTransition.NONE) {
      result.add(t);
    }
  }

  private Instant now() {
    // PostgreSQL keeps microseconds: truncate so an event's startsAt equals the stored one and
    // every later event about the same alert repeats it exactly.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
