package dev.vigil.scanner.service;

import dev.vigil.scanner.service.TargetService.ScanJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A bounded pool of scan workers fed from {@link OwnedTargets}. A slow target occupies one worker
 * until its timeouts fire; it never blocks the dispatcher or the other workers. Plain Java, so the
 * scan-rate benchmark drives the same worker model as the service.
 */
public final class ScanWorkers {

  /** One scan; {@code true} when the target answered (a failing target is backed off). */
  @FunctionalInterface
  public interface Scan {
    boolean run(ScanJob job);
  }

  private final OwnedTargets owned;
  private final Scan scan;
  private final BiConsumer<ScanJob, RuntimeException> onError;
  private final Semaphore freeWorkers;
  private final ExecutorService workers;

  public ScanWorkers(
      OwnedTargets owned,
      Scan scan,
      int concurrency,
      BiConsumer<ScanJob, RuntimeException> onError) {
    this.owned = owned;
    this.scan = scan;
    this.onError = onError;
    this.freeWorkers = new Semaphore(concurrency);
    this.workers =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "scan-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /** Hands due targets to the free workers. */
  public void dispatchDue() {
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
   * next dispatch would cap a replica at one batch of scans per tick.
   */
  private void run(ScanJob job) {
    ScanJob next = job;
    try {
      while (next != null) {
        boolean reachable = false;
        try {
          reachable = scan.run(next);
        } catch (RuntimeException e) {
          onError.accept(next, e);
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

  public void shutdown(Duration grace) throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
  }
}
