package dev.vigil.alert.service.breaker;

import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.alert.persistence.breaker.BreakerBatchStatements;
import dev.vigil.alert.persistence.breaker.BreakerBatchStatements.Member;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.messaging.PoisonRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies alert events to the breakers: which matching alerts fire in which scope, and what that
 * does to each scope touched. One transaction per batch of records, with the inbox marks.
 */
@ApplicationScoped
public class BreakerIntake {

  /** Inbox consumer name; also the Kafka consumer group of the breaker pipeline. */
  public static final String CONSUMER = "alert-service-breakers";

  private final BreakerRegistry registry;
  private final BreakerStateRepository states;
  private final BreakerWriter writer;
  private final BreakerBatchStatements batch;
  private final Inbox inbox;
  private final Clock clock;

  public BreakerIntake(
      BreakerRegistry registry,
      BreakerStateRepository states,
      BreakerWriter writer,
      BreakerBatchStatements batch,
      Inbox inbox,
      Clock clock) {
    this.registry = registry;
    this.states = states;
    this.writer = writer;
    this.batch = batch;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * Applies the changes in order, in one transaction with a fixed number of statements whatever the
   * batch size: inbox marks, membership delete and insert, scope rows created and locked, firing
   * alerts read, then states, history and outbox written as batches.
   *
   * @return how many scopes changed state (or override)
   */
  @Transactional
  public int apply(List<AlertChange> changes) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Set<String> first =
        inbox.firstDeliveries(CONSUMER, changes.stream().map(AlertChange::eventId).toList());
    // One fingerprint is one partition, so in order: its last change in the batch is its state.
    Map<String, AlertChange> latest = new LinkedHashMap<>();
    for (AlertChange change : changes) {
      if (first.remove(change.eventId())) {
        latest.remove(change.alert().fingerprint());
        latest.put(change.alert().fingerprint(), change);
      }
    }
    Map<String, BreakerSpec> breakers = registry.current();
    // Every change replaces what the fingerprint held: resolved alerts leave, firing ones are
    // re-added below to the scopes they match now.
    Set<Key> touched = new TreeSet<>(states.removeAlerts(latest.keySet()));
    List<Member> members = new ArrayList<>();
    for (AlertChange change : latest.values()) {
      if (change.alert().resolved()) {
        continue;
      }
      Map<String, String> labels = change.alert().labels();
      FiringAlert alert =
          new FiringAlert(change.alert().fingerprint(), labels.getOrDefault("alertname", ""));
      for (BreakerSpec spec : breakers.values()) {
        Optional<String> scope = spec.scopeOf(labels);
        if (scope.isPresent()) {
          Key key = new Key(spec.name(), scope.get());
          members.add(new Member(key, alert));
          touched.add(key);
        }
      }
    }
    batch.addAlerts(members, now);
    // Scopes of removed breakers are left as they are (see DESIGN.md).
    touched.removeIf(k -> !breakers.containsKey(k.breaker()));
    // Key order: concurrent batches (the other replica, the sweep) lock in the same order.
    List<Row> rows = batch.lockAll(touched, now);
    return writer.evaluateAll(breakers, rows, batch.firing(touched), now);
  }

  /**
   * Refuses, before any transaction, an alert event the breakers could never store (a scope or a
   * name longer than its column), so that it is dead-lettered alone instead of failing its batch.
   */
  public void check(AlertChange change) {
    if (change.alert().fingerprint().length() > 64) {
      throw new PoisonRecordException("fingerprint longer than 64 characters");
    }
    if (change.alert().resolved()) {
      return;
    }
    Map<String, String> labels = change.alert().labels();
    if (labels.getOrDefault("alertname", "").length() > 200) {
      throw new PoisonRecordException("alertname longer than 200 characters");
    }
    for (BreakerSpec spec : registry.current().values()) {
      Optional<String> scope = spec.scopeOf(labels);
      if (scope.isPresent() && scope.get().length() > 300) {
        throw new PoisonRecordException(
            "scope of breaker " + spec.name() + " longer than 300 characters");
      }
    }
  }
}
