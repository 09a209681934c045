package dev.vigil.alert.service.breaker;

import dev.vigil.alert.Channels;
import dev.vigil.alert.domain.breaker.BreakerMachine;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.breaker.ManualOverride;
import dev.vigil.alert.domain.breaker.Transition;
import dev.vigil.alert.persistence.breaker.BreakerHistoryRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import dev.vigil.events.RiskControlChanged;
import dev.vigil.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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

  public BreakerWriter(
      BreakerStateRepository states, BreakerHistoryRepository history, Outbox outbox) {
    this.states = states;
    this.history = history;
    this.outbox = outbox;
  }

  /** Re-evaluates a locked scope against its firing alerts and the clock. */
  Optional<Transition> evaluate(BreakerSpec spec, Row row, Instant now) {
    Key key = new Key(row.breaker(), row.scope());
    List<FiringAlert> firing = states.firing(key);
    Optional<Transition> t = BreakerMachine.evaluate(spec, row.status(), firing, now);
    if (t.isPresent()) {
      write(spec, key, t.get(), now);
    } else {
      Instant next = BreakerMachine.nextCheck(spec, row.status(), !firing.isEmpty());
      if (!Objects.equals(next, row.nextCheckAt())) {
        states.save(key, row.status(), next, now);
      }
    }
    return t;
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
    ManualOverride o = t.next().override();
    RiskControlChanged event =
        new RiskControlChanged(
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
    // Keyed by scope: one scope's changes stay in order on one partition.
    outbox.enqueue(Channels.RISK_CONTROLS, key.scope(), now, event);
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
