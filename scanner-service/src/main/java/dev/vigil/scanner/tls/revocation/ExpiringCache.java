package dev.vigil.scanner.tls.revocation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map whose entries end at their own instant: least recently used entries go first when
 * it is full. Revocation answers are valid until a time the responder names, so a plain size bound
 * is not enough; and a scanner that sees thousands of leaves must not keep an answer for each for
 * ever.
 */
final class ExpiringCache<K, V> {

  private record Timed<V>(V value, Instant until) {}

  private final int maxEntries;
  private final LinkedHashMap<K, Timed<V>> entries;

  /**
   * @param maxEntries entries kept at most; 0 keeps none
   */
  ExpiringCache(int maxEntries) {
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Timed<V>> eldest) {
            return size() > ExpiringCache.this.maxEntries;
          }
        };
  }

  /** The value for {@code key} if it is still valid at {@code now}, else null. */
  synchronized V get(K key, Instant now) {
    Timed<V> timed = entries.get(key);
    if (timed == null) {
      return null;
    }
    if (!now.isBefore(timed.until())) {
      entries.remove(key);
      return null;
    }
    return timed.value();
  }

  synchronized void put(K key, V value, Instant until) {
    if (maxEntries > 0) {
      entries.put(key, new Timed<>(value, until));
    }
  }

  synchronized int size() {
    return entries.size();
  }
}
