package dev.vigil.incident.service;

import dev.vigil.incident.config.IncidentConfig;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.persistence.IncidentStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Resolves incidents whose alerts have all resolved once their quiet period has passed. Each
 * incident is its own transaction under its group lock, so the sweep and the alert consumer never
 * decide about the same group at once, and several replicas may sweep safely.
 */
@ApplicationScoped
public class QuietPeriodSweep {

  private static final Logger LOG = Logger.getLogger(QuietPeriodSweep.class);
  private static final int BATCH = 100;

  private final IncidentStore store;
  private final IncidentCorrelator correlator;
  private final IncidentService incidents;
  private final IncidentConfig config;

  public QuietPeriodSweep(
      IncidentStore store,
      IncidentCorrelator correlator,
      IncidentService incidents,
      IncidentConfig config) {
    this.store = store;
    this.correlator = correlator;
    this.incidents = incidents;
    this.config = config;
  }

  @Scheduled(
      every = "${vigil.incident.quiet-sweep-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    if (config.quietPeriod().isZero()) {
      return;
    }
    List<Incident> waiting =
        QuarkusTransaction.requiringNew().call(() -> store.findOpenWithoutFiringAlerts(BATCH));
    for (Incident candidate : waiting) {
      try {
        QuarkusTransaction.requiringNew().run(() -> resolveIfQuiet(candidate));
      } catch (RuntimeException e) {
        LOG.warnf("quiet-period check of incident %s failed: %s", candidate.id(), e.getMessage());
      }
    }
  }

  private void resolveIfQuiet(Incident candidate) {
    store.lockGroup(candidate.groupKey());
    store
        .find(candidate.id())
        .flatMap(incident -> correlator.resolveIfQuiet(incident, config.quietPeriod()))
        .ifPresent(incidents::record);
  }
}
