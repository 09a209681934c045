package dev.vigil.incident.service;

import dev.vigil.incident.domain.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** {@code vigil_incidents_total{event=opened|updated|resolved}}. */
@ApplicationScoped
public class IncidentMetrics {

  private final Map<Decision.Outcome, Counter> counters = new EnumMap<>(Decision.Outcome.class);
  private final TransactionSynchronizationRegistry transactions;

  public IncidentMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
    // Registered up front so every series exists (at 0) from startup.
    for (Decision.Outcome outcome :
        new Decision.Outcome[] {
          Decision.Outcome.OPENED, Decision.Outcome.UPDATED, Decision.Outcome.RESOLVED
        }) {
      counters.put(
          outcome,
          Counter.builder("vigil.incidents")
              .description("Incident events announced, by kind")
              .tag("event", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  /**
   * Counts {@code outcome} once the current transaction commits: a rolled-back attempt that is
   * retried must not be counted twice.
   */
  void countOnCommit(Decision.Outcome outcome) {
    Counter counter = counters.get(outcome);
    if (counter == null) {
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              counter.increment();
            }
          }
        });
  }
}
