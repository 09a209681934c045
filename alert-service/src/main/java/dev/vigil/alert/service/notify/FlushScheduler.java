package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.platform.failure.TransientFailures;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs group flushes on one thread per replica. The fast path is event-driven: after a batch of
 * alerts the consumer asks for a wake-up at the earliest group's due time (rounded up to 5 ms, so
 * thousands of groups due together cost one run). The periodic tick is the safety net: groups left
 * by another replica, due times set before a restart, abandoned notifications.
 */
@ApplicationScoped
@Startup
public class FlushScheduler {

  private static final Logger LOG = Logger.getLogger(FlushScheduler.class);
  private static final long BUCKET_MS = 5;

  private final GroupFlusher flusher;
  private final NotificationDispatcher dispatcher;
  private final NotificationLogService logService;
  private final NotifySettings settings;
  private final Clock clock;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
  private final Set<Long> wakeups = ConcurrentHashMap.newKeySet();

  public FlushScheduler(
      GroupFlusher flusher,
      NotificationDispatcher dispatcher,
      NotificationLogService logService,
      NotifySettings settings,
      Clock clock) {
    this.flusher = flusher;
    this.dispatcher = dispatcher;
    this.logService = logService;
    this.settings = settings;
    this.clock = clock;
  }

  /** Flush as soon as {@code due} has come. */
  public void wakeAt(Instant due) {
    long bucket = (due.toEpochMilli() + BUCKET_MS - 1) / BUCKET_MS;
    if (!wakeups.add(bucket)) {
      return;
    }
    // Not clock.millis(): on JDK 17 it divides by zero for the platform's microsecond tick clock.
    long delay = Math.max(0, bucket * BUCKET_MS - clock.instant().toEpochMilli());
    worker.schedule(
        () -> {
          wakeups.remove(bucket);
          flushAllDue();
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  @Scheduled(
      every = "${vigil.alert.notify.poll-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      delayed = "2s")
  void tick() {
    worker.execute(
        () -> {
          try {
            dispatcher.dispatch(logService.reclaimExpired(settings.flushBatch()));
          } catch (RuntimeException e) {
            LOG.warnf("reclaiming abandoned notifications failed: %s", e.getMessage());
          }
          flushAllDue();
        });
  }

  private void flushAllDue() {
    try {
      GroupFlusher.Result result;
      do {
        result = flusher.flushDue(settings.flushBatch());
        dispatcher.dispatch(result.claimed());
      } while (result.groups() >= settings.flushBatch());
    } catch (RuntimeException e) {
      // The groups stay due; the next tick tries again.
      if (TransientFailures.isTransient(e)) {
        LOG.warnf("group flush failed, will retry: %s", e.getMessage());
      } else {
        LOG.error("group flush failed", e);
      }
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
