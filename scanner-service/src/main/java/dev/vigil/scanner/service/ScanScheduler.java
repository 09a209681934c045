package dev.vigil.scanner.service;

import dev.vigil.events.ScanOutcome;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.service.TargetService.ScanJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Hands this replica's due targets to a bounded pool of scan workers. A slow target occupies one
 * worker until its timeouts fire; it never blocks the scheduler or the other workers.
 */
@ApplicationScoped
public class ScanScheduler {

  private static final Logger LOG = Logger.getLogger(ScanScheduler.class);

  private final OwnedTargets owned;
  private final ScanService scans;
  private final Semaphore freeWorkers;
  private final ExecutorService workers;

  public ScanScheduler(OwnedTargets owned, ScanService scans, ScannerConfig config) {
    this.owned = owned;
    this.scans = scans;
    this.freeWorkers = new Semaphore(config.concurrency());
    this.workers =
        Executors.newFixedThreadPool(
            config.concurrency(),
            r -> {
              Thread t = new Thread(r, "scan-worker");
              t.setDaemon(true);
              return t;
            });
  }

  @Scheduled(
      every = "${vigil.scanner.tick:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void dispatchDueTargets() {
    int free = freeWorkers.availablePermits();
    if (free == 0) {
      return;
    }
    for (ScanJob job : owned.claimDue(free)) {
      freeWorkers.acquireUninterruptibly();
      workers.execute(() -> run(job));
    }
  }

  /**
   * Runs {@code job}, then keeps the worker busy with the next due target, if any: waiting for the
   * next tick would cap a replica at one batch of scans per second.
   */
  private void run(ScanJob job) {
    ScanJob next = job;
    try {
      while (next != null) {
        boolean reachable = false;
        try {
          reachable = scans.scan(next).stream().anyMatch(s -> s.outcome() == ScanOutcome.COMPLETED);
        } catch (RuntimeException e) {
          LOG.errorf(e, "scan of target %s failed", next.targetId());
        } finally {
          owned.completed(next.targetId(), reachable);
        }
        List<ScanJob> more = owned.claimDue(1);
        next = more.isEmpty() ? null : more.get(0);
      }
    } finally {
      freeWorkers.release();
    }
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }
}
