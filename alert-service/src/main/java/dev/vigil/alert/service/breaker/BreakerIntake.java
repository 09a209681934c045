package dev.vigil.alert.service.breaker;

import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.notify.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
  private final ProcessedEvents inbox;
  private final Clock clock;

  public BreakerIntake(
      BreakerRegistry registry,
      BreakerStateRepository states,
      BreakerWriter writer,
      ProcessedEvents inbox,
      Clock clock) {
    this.registry = registry;
    this.states = states;
    this.writer = writer;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * Applies the changes in order.
   *
   * @return how many scopes changed state (or override)
   */
  @Transactional
  public int apply(List<AlertChange> changes) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Set<String> first =
        inbox.firstDeliveries(CONSUMER, changes.stream().map(AlertChange::eventId).toList(), now);
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
    for (AlertChange change : latest.values()) {
      String fingerprint = change.alert().fingerprint();
      if (change.alert().resolved()) {
        continue;
      }
      Map<String, String> labels = change.alert().labels();
      FiringAlert alert = new FiringAlert(fingerprint, labels.getOrDefault("alertname", ""));
      for (BreakerSpec spec : breakers.values()) {
        Optional<String> scope = spec.scopeOf(labels);
        if (scope.isPresent()) {
          Key key = new Key(spec.name(), scope.get());
          states.addAlert(key, alert, now);
          touched.add(key);
        }
      }
    }
    int changed = 0;
    // Key order: concurrent batches (the other replica, the sweep) lock in the same order.
    for (Key key : touched) {
      BreakerSpec spec = breakers.get(key.breaker());
      if (spec != null && writer.evaluate(spec, states.lock(key, now), now).isPresent()) {
        changed++;
      }
    }
    return changed;
  }
}
