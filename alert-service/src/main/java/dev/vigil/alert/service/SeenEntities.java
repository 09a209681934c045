package dev.vigil.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which entities this replica recorded as observed, and when, so the {@code
 * observed_entity} upsert runs at most once a minute per entity instead of on every event. No-data
 * thresholds are minutes to hours, so a last-seen time up to a minute old changes nothing. If the
 * transaction that wrote it rolls back, the row is at most one interval staler than it could be.
 */
@ApplicationScoped
public class SeenEntities {

  static final Duration REFRESH = Duration.ofMinutes(1);
  private static final int MAX_ENTRIES = 1_000_000;

  private record Written(Instant at, int labelsHash) {}

  private final Map<String, Written> written = new ConcurrentHashMap<>();

  /** Whether the row must be written now; if so, assumes it will be. */
  boolean needsWrite(String source, String entityId, Map<String, String> labels, Instant now) {
    String key = source + '\u0000' + entityId;
    int hash = Objects.hashCode(labels);
    Written w = written.get(key);
    if (w != null && w.labelsHash() == hash && now.isBefore(w.at().plus(REFRESH))) {
      return false;
    }
    if (written.size() >= MAX_ENTRIES) {
      written.clear(); // bounded memory; the cost is one write per entity
    }
    written.put(key, new Written(now, hash));
    return true;
  }
}
