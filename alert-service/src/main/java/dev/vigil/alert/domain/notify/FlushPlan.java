package dev.vigil.alert.domain.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What one flush of an aggregation group does: whether to notify, with which alerts, which resolved
 * alerts leave the group, and when the group is next due.
 *
 * @param send notify the receiver
 * @param firing firing alerts to announce (muted ones removed)
 * @param resolved resolved alerts to announce
 * @param dropped resolved alerts that leave the group after this flush
 * @param sent the new notification-log state if {@code send}, else the old one
 * @param nextFlushAt when to flush again; {@code null}: idle until an alert changes
 */
public record FlushPlan(
    boolean send,
    List<NotifyAlert> firing,
    List<NotifyAlert> resolved,
    Set<String> dropped,
    SentState sent,
    Instant nextFlushAt) {

  /**
   * Plans a flush.
   *
   * @param alerts the group's alerts, firing and resolved
   * @param muted whether an alert is silenced or inhibited now
   * @param timeMuted the route is inside a mute time interval or outside its active ones
   * @param sendResolved the receiver wants resolved notifications
   */
  public static FlushPlan plan(
      List<NotifyAlert> alerts,
      Predicate<NotifyAlert> muted,
      boolean timeMuted,
      SentState last,
      boolean sendResolved,
      GroupTiming timing,
      Instant now) {
    List<NotifyAlert> firing = new ArrayList<>();
    List<NotifyAlert> resolved = new ArrayList<>();
    boolean anyFiring = false;
    boolean anyMuted = timeMuted;
    for (NotifyAlert a : alerts) {
      if (!a.resolved()) {
        anyFiring = true;
      }
      if (timeMuted || muted.test(a)) {
        anyMuted |= !a.resolved();
        continue;
      }
      (a.resolved() ? resolved : firing).add(a);
    }
    Set<String> firingIds = fingerprints(firing);
    Set<String> resolvedIds = fingerprints(resolved);
    boolean send =
        !timeMuted
            && SentState.needsUpdate(
                last, firingIds, resolvedIds, sendResolved, timing.repeatInterval(), now);
    SentState sent = send ? new SentState(firingIds, resolvedIds, now) : last;
    // Resolved alerts have been considered once; like Alertmanager, they leave the group now.
    // While time-muted nothing is considered, so they stay until the mute ends.
    Set<String> dropped =
        timeMuted
            ? Set.of()
            : alerts.stream()
                .filter(NotifyAlert::resolved)
                .map(NotifyAlert::fingerprint)
                .collect(Collectors.toUnmodifiableSet());
    Instant next =
        FlushSchedule.afterFlush(
            anyFiring || (timeMuted && !alerts.isEmpty()),
            anyMuted,
            sent == null ? null : sent.sentAt(),
            timing,
            now);
    return new FlushPlan(
        send,
        List.copyOf(firing),
        sendResolved ? List.copyOf(resolved) : List.of(),
        dropped,
        sent,
        next);
  }

  private static Set<String> fingerprints(List<NotifyAlert> alerts) {
    return alerts.stream().map(NotifyAlert::fingerprint).collect(Collectors.toUnmodifiableSet());
  }
}
