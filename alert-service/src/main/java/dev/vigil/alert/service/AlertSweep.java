package dev.vigil.alert.service;

import dev.vigil.alert.persistence.ObservedEntityRepository;
import dev.vigil.alert.rules.CompiledRule;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs {@link AlertTimers} periodically. A failure on one alert never stops the others. */
@ApplicationScoped
public class AlertSweep {

  private static final Logger LOG = Logger.getLogger(AlertSweep.class);

  private final AlertTimers timers;
  private final RuleRegistry rules;

  public AlertSweep(AlertTimers timers, RuleRegistry rules) {
    this.timers = timers;
    this.rules = rules;
  }

  @Scheduled(
      every = "${vigil.alert.sweep-interval:10s}",
      delayed = "${vigil.alert.sweep-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void sweep() {
    for (String fingerprint : timers.running()) {
      try {
        timers.tick(fingerprint);
      } catch (RuntimeException e) {
        LOG.warnf(
            "timer of alert %s not advanced, next sweep retries: %s", fingerprint, e.getMessage());
      }
    }
    for (CompiledRule rule : rules.current().noDataRules()) {
      for (ObservedEntityRepository.Row row : timers.silent(rule)) {
        try {
          timers.silence(rule, row.entityId());
        } catch (RuntimeException e) {
          LOG.warnf(
              "no-data alert %s for %s not raised, next sweep retries: %s",
              rule.name(), row.entityId(), e.getMessage());
        }
      }
    }
  }
}
