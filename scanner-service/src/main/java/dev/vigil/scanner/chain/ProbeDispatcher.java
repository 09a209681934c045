package dev.vigil.scanner.chain;

import dev.vigil.scanner.config.ChainConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Hands due probes to a bounded pool of workers. One dispatcher thread sleeps until the next probe
 * is due and then claims it, so a probe starts on time rather than at the next scheduler tick. The
 * dispatcher only ever waits for a free worker or for the next due time; the probes themselves,
 * bounded by their deadlines, run on the workers, so a hung provider holds one worker and never the
 * others or the schedule.
 */
@ApplicationScoped
public class ProbeDispatcher {

  private static final Logger LOG = Logger.getLogger(ProbeDispatcher.class);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

  private final OwnedProbes owned;
  private final ChainProbeService probes;
  private final Clock clock;
  private final Semaphore freeWorkers;
  private final ExecutorService workers;
  private volatile boolean running;
  private Thread dispatcher;

  public ProbeDispatcher(
      OwnedProbes owned, ChainProbeService probes, ChainConfig config, Clock clock) {
    this.owned = owned;
    this.probes = probes;
    this.clock = clock;
    this.freeWorkers = new Semaphore(config.concurrency());
    this.workers =
        Executors.newFixedThreadPool(
            config.concurrency(),
            r -> {
              Thread t = new Thread(r, "chain-probe");
              t.setDaemon(true);
              return t;
            });
  }

  void onStart(@Observes StartupEvent event) {
    running = true;
    dispatcher = new Thread(this::dispatch, "chain-probe-dispatcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  private void dispatch() {
    while (running) {
      try {
        freeWorkers.acquire();
        ProbeJob job = owned.awaitNext(IDLE_WAIT);
        if (job == null) {
          freeWorkers.release();
          continue;
        }
        workers.execute(() -> run(job));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        freeWorkers.release();
        LOG.errorf(e, "chain probe dispatch failed");
      }
    }
  }

  private void run(ProbeJob job) {
    Instant started = clock.instant();
    try {
      probes.run(job);
    } catch (RuntimeException e) {
      LOG.errorf(e, "probe of %s failed", job.probeId());
    } finally {
      owned.completed(job, started);
      freeWorkers.release();
    }
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (dispatcher != null) {
      dispatcher.interrupt();
    }
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }
}
