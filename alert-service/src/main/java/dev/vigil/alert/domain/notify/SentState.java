package dev.vigil.alert.domain.notify;

import java.time.Instant;
import java.util.Set;

/**
 * What the last notification of a group told its receiver: Alertmanager's notification-log entry.
 */
public record SentState(Set<String> firing, Set<String> resolved, Instant sentAt) {

  public SentState {
    firing = Set.copyOf(firing);
    resolved = Set.copyOf(resolved);
  }

  /**
   * Alertmanager's {@code DedupStage.needsUpdate}: notify if an alert fires that the receiver has
   * not heard of, if all alerts resolved and the receiver had heard of some firing, if (with
   * send_resolved) an alert resolved that it has not heard of, or if repeat_interval has passed.
   *
   * @param last {@code null} if the group never notified
   */
  public static boolean needsUpdate(
      SentState last,
      Set<String> firing,
      Set<String> resolved,
      boolean sendResolved,
      java.time.Duration repeatInterval,
      Instant now) {
    if (last == null) {
      return !firing.isEmpty();
    }
    if (!last.firing.containsAll(firing)) {
      return true;
    }
    if (firing.isEmpty()) {
      // Alerts that fired and resolved between two flushes were never announced: stay quiet.
      return !last.firing.isEmpty();
    }
    if (sendResolved && !last.resolved.containsAll(resolved)) {
      return true;
    }
    return !last.sentAt.isAfter(now.minus(repeatInterval));
  }
}
