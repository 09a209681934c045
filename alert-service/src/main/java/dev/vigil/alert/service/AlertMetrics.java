package dev.vigil.alert.service;

import dev.vigil.alert.domain.AlertTransition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vigil_alerts_transitions_total{transition=...}}. Counted after commit, so a transaction
 * that rolls back and is retried counts once. Tag values come from the fixed {@link
 * AlertTransition} enum, and every counter is registered up front so dashboards see zeros.
 */
@ApplicationScoped
public class AlertMetrics {

  private final Map<AlertTransition, Counter> transitions = new EnumMap<>(AlertTransition.class);

  public AlertMetrics(MeterRegistry registry) {
    for (AlertTransition t : AlertTransition.values()) {
      transitions.put(
          t,
          Counter.builder("vigil.alerts.transitions")
              .description("Alert state-machine decisions, by transition")
              .tag("transition", t.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  void onTransition(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertTransitioned event) {
    transitions.get(event.transition()).increment();
  }
}
