package dev.vigil.scanner.service;

import dev.vigil.scanner.domain.ScanSchedule;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.service.TargetService.ScanJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets this replica owns: those on the targets-topic partitions Kafka assigned to it. Their
 * schedule lives here, in memory; when a partition moves to another replica its targets go with it,
 * and the new owner rebuilds them by reading the compacted partition from the start.
 */
@ApplicationScoped
public class OwnedTargets {

  private final Map<String, Owned> targets = new ConcurrentHashMap<>();
  private final ScanSchedule schedule;
  private final Clock clock;

  public OwnedTargets(ScanSchedule schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
  }

  /** Adds or replaces a target; a new or changed target is due at once. */
  public void upsert(String targetId, TargetSpec spec, Duration interval, int partition) {
    targets.compute(
        targetId,
        (id, existing) -> {
          if (existing != null
              && existing.spec.equals(spec)
              && existing.interval.equals(interval)) {
            existing.partition = partition;
            return existing;
          }
          return new Owned(id, spec, interval, partition, clock.instant());
        });
  }

  public void remove(String targetId) {
    targets.remove(targetId);
  }

  /** Forgets the targets of partitions this replica no longer owns. */
  public void dropPartitions(Collection<Integer> partitions) {
    targets.values().removeIf(t -> partitions.contains(t.partition));
  }

  /** Marks up to {@code limit} due targets as in flight and returns them, most overdue first. */
  public synchronized List<ScanJob> claimDue(int limit) {
    Instant now = clock.instant();
    List<Owned> due = new ArrayList<>();
    for (Owned t : targets.values()) {
      if (!t.inFlight && !t.nextDue.isAfter(now)) {
        due.add(t);
      }
    }
    due.sort((a, b) -> a.nextDue.compareTo(b.nextDue));
    List<ScanJob> jobs = new ArrayList<>();
    for (Owned t : due.subList(0, Math.min(limit, due.size()))) {
      t.inFlight = true;
      jobs.add(new ScanJob(t.id, t.spec));
    }
    return jobs;
  }

  /** Records the end of a scan and schedules the next one. */
  public synchronized void completed(String targetId, boolean reachable) {
    Owned t = targets.get(targetId);
    if (t == null) {
      return; // removed or moved away meanwhile
    }
    t.failures = reachable ? 0 : t.failures + 1;
    t.nextDue = schedule.next(clock.instant(), t.interval, t.failures);
    t.inFlight = false;
  }

  public int size() {
    return targets.size();
  }

  /** When {@code targetId} is scanned next, if this replica owns it. */
  public Instant nextDue(String targetId) {
    Owned t = targets.get(targetId);
    return t == null ? null : t.nextDue;
  }

  private static final class Owned {
    final String id;
    final TargetSpec spec;
    final Duration interval;
    volatile int partition;
    Instant nextDue;
    int failures;
    boolean inFlight;

    Owned(String id, TargetSpec spec, Duration interval, int partition, Instant nextDue) {
      this.id = id;
      this.spec = spec;
      this.interval = interval;
      this.partition = partition;
      this.nextDue = nextDue;
    }
  }
}
