package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifyConfigHolder;
import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.Delivery;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.LogEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers claimed notifications: one attempt per integration, retryable failures again after an
 * exponential back-off with jitter until {@code retry.max-duration}, permanent ones (4xx, rejected
 * mail) recorded at once. Outcomes are written to the log in small batches.
 */
@ApplicationScoped
public class NotificationDispatcher {

  private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

  private final HttpSender http;
  private final EmailSender email;
  private final NotificationLogService logService;
  private final NotifyConfigHolder config;
  private final NotifySettings settings;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ConcurrentLinkedQueue<NotificationLogService.Finish> finished =
      new ConcurrentLinkedQueue<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  /** Log ids this replica claimed and has not finished writing the outcome of. */
  private final Set<Long> held = ConcurrentHashMap.newKeySet();

  public NotificationDispatcher(
      HttpSender http,
      EmailSender email,
      NotificationLogService logService,
      NotifyConfigHolder config,
      NotifySettings settings,
      MeterRegistry metrics,
      Clock clock) {
    this.http = http;
    this.email = email;
    this.logService = logService;
    this.config = config;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    timer.scheduleWithFixedDelay(this::writeFinished, 20, 20, TimeUnit.MILLISECONDS);
    long renew = Math.max(200, settings.lease().toMillis() / 3);
    timer.scheduleWithFixedDelay(this::renewLeases, renew, renew, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends claimed notifications. A notification this replica already holds (claimed, being sent, or
   * its outcome not yet written) is skipped: under overload the periodic reclaim can hand back a
   * row whose lease ran out while it waited here, and sending it again would notify twice.
   */
  public void dispatch(List<Claimed> claimed) {
    Instant now = clock.instant();
    for (Claimed c : claimed) {
      if (held.add(c.logId())) {
        attempt(c, c.attempts() + 1, now);
      }
    }
  }

  /**
   * Keeps the leases of the notifications this replica holds: a send that waits for a free request
   * slot, or an outcome that waits to be written, must not look abandoned to another replica. A
   * replica that dies stops renewing, and its rows are resent after one lease.
   */
  private void renewLeases() {
    if (held.isEmpty()) {
      return;
    }
    try {
      logService.renewLeases(List.copyOf(held), clock.instant().plus(settings.lease()));
    } catch (RuntimeException e) {
      LOG.warnf("cannot renew %d notification leases: %s", held.size(), e.getMessage());
    }
  }

  private void attempt(Claimed c, int attempt, Instant firstTry) {
    List<Integration> integrations = config.current().integrations(c.receiver());
    if (c.integrationIndex() >= integrations.size()
        || !integrations.get(c.integrationIndex()).kind().equals(c.kind())) {
      finish(c, LogEntry.FAILED, attempt - 1, "integration no longer configured");
      return;
    }
    Integration integration = integrations.get(c.integrationIndex());
    String externalUrl = config.current().externalUrl();
    CompletionStage<Attempt> stage;
    try {
      stage =
          integration instanceof Integration.Email e
              ? email.send(e, c.notification(), externalUrl)
              : http.send(integration, c.notification(), externalUrl);
    } catch (RuntimeException e) {
      finish(c, LogEntry.FAILED, attempt, "cannot send: " + e.getClass().getSimpleName());
      return;
    }
    stage.whenComplete(
        (result, failure) -> {
          Attempt a =
              failure != null
                  ? new Attempt(Delivery.Outcome.RETRYABLE, failure.getClass().getSimpleName())
                  : result;
          count(c.kind(), a.outcome());
          switch (a.outcome()) {
            case SENT -> finish(c, LogEntry.SENT, attempt, null);
            case PERMANENT -> {
              LOG.warnf(
                  "notification to %s (%s) failed permanently: %s",
                  c.receiver(), c.kind(), a.detail());
              finish(c, LogEntry.FAILED, attempt, a.detail());
            }
            // Completions may run on a Vert.x event loop: recording the attempt is a database
            // write, so it happens on the dispatcher's own timer thread.
            case RETRYABLE -> timer.execute(() -> retry(c, attempt, firstTry, a));
          }
        });
  }

  private void retry(Claimed c, int attempt, Instant firstTry, Attempt a) {
    Instant now = clock.instant();
    NotifySettings.Retry r = settings.retry();
    Duration delay =
        Delivery.backoff(
            attempt, r.initialBackoff(), r.maxBackoff(), ThreadLocalRandom.current()::nextDouble);
    if (now.plus(delay).isAfter(firstTry.plus(r.maxDuration()))) {
      LOG.warnf(
          "notification to %s (%s) given up after %d attempts: %s",
          c.receiver(), c.kind(), attempt, a.detail());
      finish(c, LogEntry.FAILED, attempt, a.detail());
      return;
    }
    LOG.infof(
        "notification to %s (%s) attempt %d failed (%s), retrying in %d ms",
        c.receiver(), c.kind(), attempt, a.detail(), delay.toMillis());
    try {
      // Keep the claim while waiting, so no other replica sends it meanwhile.
      logService.attempted(c.logId(), attempt, a.detail(), now.plus(delay).plus(settings.lease()));
    } catch (RuntimeException e) {
      LOG.warnf("cannot record attempt of notification %d: %s", c.logId(), e.getMessage());
    }
    timer.schedule(
        () -> attempt(c, attempt + 1, firstTry), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void finish(Claimed c, String status, int attempts, String error) {
    finished.add(new NotificationLogService.Finish(c.logId(), status, attempts, error));
  }

  private void writeFinished() {
    List<NotificationLogService.Finish> batch = new ArrayList<>();
    for (NotificationLogService.Finish f; batch.size() < 1000 && (f = finished.poll()) != null; ) {
      batch.add(f);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      logService.finishAll(batch);
      batch.forEach(f -> held.remove(f.id()));
    } catch (RuntimeException e) {
      // Put them back; the rows stay PENDING meanwhile, and are resent only if the lease expires.
      LOG.warnf(
          "cannot record %d notification outcomes, will retry: %s", batch.size(), e.getMessage());
      finished.addAll(batch);
    }
  }

  private void count(String kind, Delivery.Outcome outcome) {
    counters
        .computeIfAbsent(
            kind + "/" + outcome,
            k ->
                Counter.builder("vigil_notifications_attempts_total")
                    .description("Delivery attempts by integration kind and outcome")
                    .tag("integration", kind)
                    .tag("outcome", outcome.name())
                    .register(metrics))
        .increment();
  }

  @PreDestroy
  void stop() {
    timer.shutdown();
    try {
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeFinished();
  }
}
