package dev.vigil.incident.service;

import dev.vigil.incident.config.StatusPageConfig;
import dev.vigil.incident.service.StatusPageService.PublicIncident;
import dev.vigil.incident.service.StatusPageService.Snapshot;
import dev.vigil.incident.service.UptimeService.DailyUptime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The public page's content, computed once and shared by every request: the HTML page, the feed and
 * the Statuspage-shaped API all read it. Computing it (open incidents, components, 90 days of
 * uptime per component) costs tens of milliseconds with a long history, while customers and their
 * widgets ask many times a second during an outage, exactly when the database is busiest.
 *
 * <p>Staleness: a change committed through this replica (an incident, a component, maintenance, a
 * public update) is shown on the next request, at most once per {@code cache-min-interval}; the
 * content is recomputed at least every {@code cache-max-age} anyway, which bounds how late changes
 * made through other replicas and time-driven ones (a maintenance window starting) appear. While
 * one request recomputes, the others are served the previous content instead of piling onto the
 * database.
 */
@ApplicationScoped
public class PublicPage {

  /** Everything the public page shows, at {@code snapshot.at()}. */
  public record View(
      Snapshot snapshot, List<PublicIncident> recent, Map<String, DailyUptime> uptime) {}

  private record Entry(View view, Instant computedAt, long changes) {}

  private final StatusPageService pages;
  private final UptimeService uptime;
  private final StatusPageConfig config;
  private final Clock clock;
  private final TransactionSynchronizationRegistry transactions;
  private final AtomicLong changes = new AtomicLong();
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Entry current;

  public PublicPage(
      StatusPageService pages,
      UptimeService uptime,
      StatusPageConfig config,
      Clock clock,
      TransactionSynchronizationRegistry transactions) {
    this.pages = pages;
    this.uptime = uptime;
    this.config = config;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** The current content, recomputed first if it is stale (see the class comment). */
  public View get() {
    Entry e = current;
    if (e != null && fresh(e)) {
      return e.view();
    }
    if (e != null && !refreshing.tryLock()) {
      return e.view(); // another request is recomputing: serve the previous content meanwhile
    }
    if (e == null) {
      refreshing.lock();
    }
    try {
      Entry latest = current;
      if (latest != null && fresh(latest)) {
        return latest.view();
      }
      return refresh().view();
    } finally {
      refreshing.unlock();
    }
  }

  /** Marks the content stale when the caller's transaction ends (at once outside one). */
  public void changed() {
    if (transactions.getTransactionKey() == null) {
      changes.incrementAndGet();
      return;
    }
    // Bumped before and after the commit: content computed in between (from the state before
    // the commit) is discarded by the second bump.
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            changes.incrementAndGet();
          }

          @Override
          public void afterCompletion(int status) {
            changes.incrementAndGet();
          }
        });
  }

  private boolean fresh(Entry e) {
    Instant now = clock.instant();
    if (!now.isBefore(e.computedAt().plus(config.cacheMaxAge()))) {
      return false;
    }
    return e.changes() == changes.get()
        || now.isBefore(e.computedAt().plus(config.cacheMinInterval()));
  }

  private Entry refresh() {
    long seen = changes.get(); // read first: a change during the computation forces the next one
    Snapshot snapshot = pages.snapshot();
    List<PublicIncident> recent = pages.recent();
    Map<String, DailyUptime> bars = new LinkedHashMap<>();
    for (ComponentView c : snapshot.components()) {
      String id = c.component().id();
      bars.put(id, uptime.pageDaily(id, config.uptimeDays()));
    }
    Entry e = new Entry(new View(snapshot, recent, Map.copyOf(bars)), clock.instant(), seen);
    current = e;
    return e;
  }
}
