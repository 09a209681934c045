package dev.vigil.incident.service;

import dev.vigil.incident.config.EscalationConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Escalates due steps on every replica. Each incident is its own transaction, claimed with {@code
 * FOR UPDATE SKIP LOCKED}, so replicas share the work and never escalate a step twice; the state is
 * in PostgreSQL, so a restart resumes where the chain stood.
 */
@ApplicationScoped
public class EscalationSweep {

  private static final Logger LOG = Logger.getLogger(EscalationSweep.class);

  private final EscalationService escalations;
  private final EscalationConfig config;

  public EscalationSweep(EscalationService escalations, EscalationConfig config) {
    this.escalations = escalations;
    this.config = config;
  }

  @Scheduled(
      every = "${vigil.escalation.sweep-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void sweep() {
    if (!config.enabled()) {
      return;
    }
    List<UUID> due;
    try {
      due = escalations.due(config.sweepBatch());
    } catch (RuntimeException e) {
      LOG.warnf("escalation sweep could not read due steps: %s", e.getMessage());
      return;
    }
    for (UUID incident : due) {
      try {
        escalations.escalateIfDue(incident);
      } catch (RuntimeException e) {
        // The row stays due; the next pass (here or on another replica) tries again.
        LOG.warnf("escalation of incident %s failed, will retry: %s", incident, e.getMessage());
      }
    }
  }
}
