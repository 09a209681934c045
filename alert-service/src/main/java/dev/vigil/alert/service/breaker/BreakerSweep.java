package dev.vigil.alert.service.breaker;

import dev.vigil.alert.config.breaker.BreakerConfig;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.persistence.breaker.BreakerBatchStatements;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Time-driven transitions: the minimum open time or the healthy period ended, or an override
 * expired. Every replica sweeps; {@code for update skip locked} gives each due scope to one of
 * them, and a scope the intake holds is simply taken on the next sweep.
 */
@ApplicationScoped
public class BreakerSweep {

  private static final Logger LOG = Logger.getLogger(BreakerSweep.class);

  private final BreakerRegistry registry;
  private final BreakerStateRepository states;
  private final BreakerWriter writer;
  private final BreakerBatchStatements batch;
  private final BreakerConfig config;
  private final Clock clock;

  public BreakerSweep(
      BreakerRegistry registry,
      BreakerStateRepository states,
      BreakerWriter writer,
      BreakerBatchStatements batch,
      BreakerConfig config,
      Clock clock) {
    this.registry = registry;
    this.states = states;
    this.writer = writer;
    this.batch = batch;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      every = "${vigil.alert.breakers.sweep-interval:5s}",
      delayed = "${vigil.alert.breakers.sweep-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void sweep() {
    try {
      while (QuarkusTransaction.requiringNew().call(this::sweepBatch) == config.sweepBatch()) {
        // a full batch means more are due
      }
    } catch (RuntimeException e) {
      LOG.warnf("breaker sweep stopped, the next one retries: %s", e.getMessage());
    }
  }

  /** One transaction: locks the due scopes and advances them; returns how many were due. */
  int sweepBatch() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // Before taking locks: a first use of the registry re-checks scopes in a transaction of its
    // own.
    Map<String, BreakerSpec> breakers = registry.current();
    var due = states.lockDue(now, config.sweepBatch());
    List<Key> keys = new ArrayList<>();
    for (Row row : due) {
      Key key = new Key(row.breaker(), row.scope());
      if (breakers.containsKey(row.breaker())) {
        keys.add(key);
        continue;
      }
      // Definition removed: nothing decides for this scope any more; stop looking at it until the
      // definition comes back (BreakerRegistry reschedules its scopes then).
      LOG.warnf(
          "breaker %s no longer defined; scope %s stays %s",
          row.breaker(), row.scope(), row.status().state());
      states.save(key, row.status(), null, now);
    }
    writer.evaluateAll(breakers, due, batch.firing(keys), now);
    return due.size();
  }
}
