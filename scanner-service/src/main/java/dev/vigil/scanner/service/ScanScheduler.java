package dev.vigil.scanner.service;

import dev.vigil.events.ScanOutcome;
import dev.vigil.scanner.config.ScannerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Hands this replica's due targets to a bounded pool of scan workers ({@link ScanWorkers}) on every
 * tick; between ticks, a worker that finishes takes the next due target itself.
 */
@ApplicationScoped
public class ScanScheduler {

  private static final Logger LOG = Logger.getLogger(ScanScheduler.class);

  private final ScanWorkers workers;

  public ScanScheduler(
      OwnedTargets owned, ScanService scans, ScannerConfig config, MeterRegistry meters) {
    Gauge.builder("vigil_scanner_owned_targets", owned, OwnedTargets::size)
        .description("targets this replica owns through its targets-topic partitions")
        .register(meters);
    this.workers =
        new ScanWorkers(
            owned,
            job -> scans.scan(job).stream().anyMatch(s -> s.outcome() == ScanOutcome.COMPLETED),
            config.concurrency(),
            (job, e) -> LOG.errorf(e, "scan of target %s failed", job.targetId()));
  }

  @Scheduled(
      every = "${vigil.scanner.tick:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void dispatchDueTargets() {
    workers.dispatchDue();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    workers.shutdown(Duration.ofSeconds(5));
  }
}
