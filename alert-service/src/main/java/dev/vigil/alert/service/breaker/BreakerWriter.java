package dev.vigil.alert.service.breaker;

import dev.vigil.alert.Channels;
import dev.vigil.alert.domain.breaker.BreakerMachine;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.breaker.ManualOverride;
import dev.vigil.alert.domain.breaker.Transition;
import dev.vigil.alert.persistence.breaker.BreakerBatchStatements;
import dev.vigil.alert.persistence.breaker.BreakerBatchStatements.StateWrite;
import dev.vigil.alert.persistence.breaker.BreakerHistoryRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import dev.vigil.events.RiskControlChanged;
import dev.vigil.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the state machine on a locked scope and carries out the result inside the caller's
 * transaction: state row, history line and {@code RiskControlChanged} in the outbox commit together
 * or not at all, so a crash can neither lose a change nor publish one that did not happen.
 */
@ApplicationScoped
public class BreakerWriter {

  private static final Logger LOG = Logger.getLogger(BreakerWriter.class);

  private final BreakerStateRepository states;
  private final BreakerHistoryRepository history;
  private final Outbox outbox;
  private final BreakerBatchStatements batch;

  public BreakerWriter(
      BreakerStateRepository states,
      BreakerHistoryRepository history,
      Outbox outbox,
      BreakerBatchStatements batch) {
    this.states = states;
    this.history = history;
    this.outbox = outbox;
    this.batch = batch;
  }

  /**
   * Re-evaluates locked scopes against their firing alerts and the clock, and writes every result
   * with three batched statements (states, history, outbox) whatever the number of scopes.
   *
   * @param rows locked rows; a row whose breaker is not in {@code breakers} is left alone
   * @param firing the firing alerts per scope (absent = none)
   * @return how many scopes changed
   */
  int evaluateAll(
      Map<String, BreakerSpec> breakers,
      List<Row> rows,
      Map<Key, List<FiringAlert>> firing,
      Instant now) {
    List<StateWrite> saves = new ArrayList<>();
    List<BreakerHistoryRepository.Change> changes = new ArrayList<>();
    List<Outbox.Entry> events = new ArrayList<>();
    for (Row row : rows) {
      BreakerSpec spec = breakers.get(row.breaker());
      if (spec == null) {
        continue;
      }
      Key key = new Key(row.breaker(), row.scope());
      List<FiringAlert> alerts = firing.getOrDefault(key, List.of());
      Optional<Transition> t = BreakerMachine.evaluate(spec, row.status(), alerts, now);
      if (t.isPresent()) {
        Transition tr = t.get();
        saves.add(
            new StateWrite(
                key, tr.next(), BreakerMachine.nextCheck(spec, tr.next(), !tr.alerts().isEmpty())));
        changes.add(new BreakerHistoryRepository.Change(key.breaker(), key.scope(), tr));
        // Keyed by scope: one scope's changes stay in order on one partition.
        events.add(new Outbox.Entry(key.scope(), now, event(spec, key, tr, now)));
        log(key, tr);
      } else {
        Instant next = BreakerMachine.nextCheck(spec, row.status(), !alerts.isEmpty());
        if (!Objects.equals(next, row.nextCheckAt())) {
          saves.add(new StateWrite(key, row.status(), next));
        }
      }
    }
    batch.saveAll(saves, now);
    history.recordAll(changes, now);
    outbox.enqueueAll(Channels.RISK_CONTROLS, events);
    return changes.size();
  }

  Transition force(BreakerSpec spec, Row row, ManualOverride o) {
    Key key = new Key(row.breaker(), row.scope());
    Transition t = BreakerMachine.force(spec, row.status(), states.firing(key), o);
    write(spec, key, t, o.at());
    return t;
  }

  Transition clear(BreakerSpec spec, Row row, String who, String why, Instant now) {
    Key key = new Key(row.breaker(), row.scope());
    Transition t = BreakerMachine.clear(spec, row.status(), states.firing(key), who, why, now);
    write(spec, key, t, now);
    return t;
  }

  private void write(BreakerSpec spec, Key key, Transition t, Instant now) {
    states.save(
        key, t.next(), BreakerMachine.nextCheck(spec, t.next(), !t.alerts().isEmpty()), now);
    history.record(key.breaker(), key.scope(), t, now);
    // Keyed by scope: one scope's changes stay in order on one partition.
    outbox.enqueue(Channels.RISK_CONTROLS, key.scope(), now, event(spec, key, t, now));
    log(key, t);
  }

  private static RiskControlChanged event(BreakerSpec spec, Key key, Transition t, Instant now) {
    ManualOverride o = t.next().override();
    return new RiskControlChanged(
        key.breaker(),
        key.scope(),
        t.from(),
        t.next().state(),
        now,
        t.reason(),
        t.alerts().stream().map(FiringAlert::fingerprint).toList(),
        t.manual(),
        t.actor(),
        t.earliestCloseAt(),
        t.next().sequence(),
        t.cause(),
        spec.actions(),
        t.alerts().stream().map(FiringAlert::alertName).toList(),
        o == null ? null : o.until());
  }

  private static void log(Key key, Transition t) {
    LOG.infof(
        "breaker %s scope %s %s -> %s (#%d, %s by %s): %s",
        key.breaker(),
        key.scope(),
        t.from(),
        t.next().state(),
        t.next().sequence(),
        t.cause(),
        t.actor(),
        t.reason());
  }
}
