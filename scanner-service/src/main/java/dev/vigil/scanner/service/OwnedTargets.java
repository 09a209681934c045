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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The targets this replica owns: those on the targets-topic partitions Kafka assigned to it. Their
 * schedule lives here, in memory; when a partition moves to another replica its targets go with it,
 * and the new owner rebuilds them by reading the compacted partition from the start.
 *
 * <p>Targets waiting for their next scan sit in a set ordered by due time, so handing out the next
 * due target costs O(log n) even with 100,000 targets (see {@code bench/RESULTS.md}).
 */
@ApplicationScoped
public class OwnedTargets {

  private static final Comparator<Owned> BY_DUE =
      Comparator.comparing((Owned t) -> t.nextDue).thenComparing(t -> t.id);

  private final Map<String, Owned> targets = new HashMap<>();
  private final TreeSet<Owned> waiting = new TreeSet<>(BY_DUE);
  private final ScanSchedule schedule;
  private final Clock clock;

  public OwnedTargets(ScanSchedule schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
  }

  /** Adds or replaces a target; a new or changed target is due at once. */
  public synchronized void upsert(
      String targetId, TargetSpec spec, Duration interval, int partition) {
    Owned existing = targets.get(targetId);
    if (existing != null && existing.spec.equals(spec) && existing.interval.equals(interval)) {
      existing.partition = partition; // a replay after a rebalance keeps the schedule
      return;
    }
    if (existing != null) {
      waiting.remove(existing);
    }
    Owned fresh = new Owned(targetId, spec, interval, partition, clock.instant());
    targets.put(targetId, fresh);
    if (existing == null || !existing.inFlight) {
      waiting.add(fresh);
    } else {
      fresh.inFlight = true; // the running scan completes and reschedules the new definition
    }
  }

  public synchronized void remove(String targetId) {
    Owned t = targets.remove(targetId);
    if (t != null) {
      waiting.remove(t);
    }
  }

  /** The definition of {@code targetId}, if this replica owns it; {@code null} otherwise. */
  public synchronized TargetSpec spec(String targetId) {
    Owned t = targets.get(targetId);
    return t == null ? null : t.spec;
  }

  /** Forgets the targets of partitions this replica no longer owns. */
  public synchronized void dropPartitions(Collection<Integer> partitions) {
    targets
        .values()
        .removeIf(
            t -> {
              if (partitions.contains(t.partition)) {
                waiting.remove(t);
                return true;
              }
              return false;
            });
  }

  /** Marks up to {@code limit} due targets as in flight and returns them, most overdue first. */
  public synchronized List<ScanJob> claimDue(int limit) {
    Instant now = clock.instant();
    List<ScanJob> jobs = new ArrayList<>();
    while (jobs.size() < limit && !waiting.isEmpty() && !waiting.first().nextDue.isAfter(now)) {
      Owned t = waiting.pollFirst();
      t.inFlight = true;
      jobs.add(new ScanJob(t.id, t.spec));
    }
    return jobs;
  }

  /** Records the end of a scan and schedules the next one. */
  public synchronized void completed(String targetId, boolean reachable) {
    Owned t = targets.get(targetId);
    if (t == null || !t.inFlight) {
      return; // removed or moved away meanwhile
    }
    t.failures = reachable ? 0 : t.failures + 1;
    t.nextDue = schedule.next(clock.instant(), t.interval, t.failures);
    t.inFlight = false;
    waiting.add(t);
  }

  public synchronized int size() {
    return targets.size();
  }

  /** When {@code targetId} is scanned next, if this replica owns it. */
  public synchronized Instant nextDue(String targetId) {
    Owned t = targets.get(targetId);
    return t == null ? null : t.nextDue;
  }

  private static final class Owned {
    final String id;
    final TargetSpec spec;
    final Duration interval;
    int partition;
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
