package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.LogEntry;
import dev.vigil.alert.persistence.notify.NotificationLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Transactions on the notification log for the dispatcher and the REST API. */
@ApplicationScoped
public class NotificationLogService {

  /** A terminal status to record. */
  public record Finish(long id, String status, int attempts, String error) {}

  private final NotificationLogRepository log;
  private final NotifySettings settings;
  private final Clock clock;

  public NotificationLogService(
      NotificationLogRepository log, NotifySettings settings, Clock clock) {
    this.log = log;
    this.settings = settings;
    this.clock = clock;
  }

  /** Many completions in one transaction: at thousands of notifications a second this matters. */
  @Transactional
  public void finishAll(List<Finish> finishes) {
    log.finishAll(
        finishes.stream()
            .map(f -> new Object[] {f.id(), f.status(), f.attempts(), f.error()})
            .toList(),
        clock.instant());
  }

  /** Pushes the leases of pending notifications out to {@code until} (never shortens one). */
  @Transactional
  public void renewLeases(List<Long> ids, Instant until) {
    log.renewLeases(ids, until);
  }

  @Transactional
  public void attempted(long id, int attempts, String error, Instant leaseUntil) {
    log.attempted(id, attempts, error, leaseUntil);
  }

  /** Pending notifications whose owner's lease ran out, now this replica's to send. */
  @Transactional
  public List<Claimed> reclaimExpired(int limit) {
    Instant now = clock.instant();
    return log.reclaimExpired(now, now.plus(settings.lease()), limit).stream()
        .map(
            r ->
                new Claimed(
                    r.id(),
                    r.receiver(),
                    r.integrationIndex(),
                    r.integration().substring(0, r.integration().indexOf('/')),
                    r.content(),
                    r.attempts()))
        .toList();
  }

  @Transactional
  public List<LogEntry> list(String status, String receiver, int limit) {
    return log.list(status, receiver, limit);
  }
}
