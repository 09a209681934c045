package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifyConfigHolder;
import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.alert.domain.notify.FlushSchedule;
import dev.vigil.alert.domain.notify.GroupTiming;
import dev.vigil.alert.domain.notify.NotifyAlert;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.domain.notify.Route;
import dev.vigil.alert.persistence.notify.GroupRow;
import dev.vigil.alert.persistence.notify.NotifyAlertRepository;
import dev.vigil.alert.persistence.notify.NotifyGroupMemberRepository;
import dev.vigil.alert.persistence.notify.NotifyGroupRepository;
import dev.vigil.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies alert events to the notifier's state: the alert view, group membership and each touched
 * group's next flush. One transaction per batch of records, with the inbox marks (the platform
 * inbox's table, written as one statement).
 *
 * <p>A group that this batch creates, whose route has no {@code group_wait} and whose alerts are
 * all new and firing, is flushed in the same transaction (see {@link FreshGroups}): the flusher
 * would find it due at once anyway, and doing it here saves a transaction, a locking scan, a member
 * join and an update per notification. The claims commit with the intake, so the guarantees are the
 * flusher's.
 */
@ApplicationScoped
public class NotificationIntake {

  /** Inbox consumer name; also the Kafka consumer group of the notifier. */
  public static final String CONSUMER = "alert-service-notifier";

  private final NotifyAlertRepository alerts;
  private final NotifyGroupRepository groups;
  private final NotifyGroupMemberRepository groupMembers;
  private final SilenceService silences;
  private final FreshGroups fresh;
  private final NotifyConfigHolder config;
  private final Inbox inbox;
  private final Clock clock;

  public NotificationIntake(
      NotifyAlertRepository alerts,
      NotifyGroupRepository groups,
      NotifyGroupMemberRepository groupMembers,
      SilenceService silences,
      FreshGroups fresh,
      NotifyConfigHolder config,
      Inbox inbox,
      Clock clock) {
    this.alerts = alerts;
    this.groups = groups;
    this.groupMembers = groupMembers;
    this.silences = silences;
    this.fresh = fresh;
    this.config = config;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * What a batch left to do after its commit.
   *
   * @param due the earliest next flush among the groups it scheduled, if any
   * @param claimed notifications it claimed (fresh groups flushed at once), to deliver now
   */
  public record Result(Optional<Instant> due, List<Claimed> claimed) {}

  /** Applies the changes in order. */
  @Transactional
  public Result apply(List<AlertChange> changes) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    NotifyConfig cfg = config.current();
    Set<String> first =
        inbox.firstDeliveries(CONSUMER, changes.stream().map(AlertChange::eventId).toList());
    // The last change per fingerprint wins (one fingerprint is one partition, so in order): an
    // alert that fired and resolved within one batch was never announced, as in Alertmanager.
    Map<String, AlertChange> latest = new LinkedHashMap<>();
    for (AlertChange change : changes) {
      if (first.remove(change.eventId())) {
        latest.remove(change.alert().fingerprint());
        latest.put(change.alert().fingerprint(), change);
      }
    }
    Map<String, NotifyAlertRepository.Stored> stored =
        alerts.upsertAll(
            latest.values().stream()
                .map(c -> new NotifyAlertRepository.Change(c.alert(), c.eventTime()))
                .toList(),
            now);
    Map<String, GroupRow> touched = new TreeMap<>();
    Map<String, GroupTiming> timings = new HashMap<>();
    Map<String, Route> routes = new HashMap<>();
    List<String[]> members = new ArrayList<>();
    List<Map<String, String>> resolved = new ArrayList<>();
    // Alerts of each touched group that are new and firing; a group with any other member is not
    // a fresh-group candidate (its stored state may differ from the event, e.g. generatorURL).
    Map<String, List<NotifyAlert>> newFiring = new HashMap<>();
    Set<String> mixed = new HashSet<>();
    for (AlertChange change : latest.values()) {
      NotifyAlertRepository.Stored state = stored.get(change.alert().fingerprint());
      if (state == null) {
        continue; // same state as before, or older than what we know
      }
      Map<String, String> labels = state.labels();
      boolean newFiringAlert = state.inserted() && !change.alert().resolved();
      if (change.alert().resolved()) {
        resolved.add(labels);
      }
      List<String> groupIds = new ArrayList<>();
      for (Route route : cfg.root().match(labels)) {
        Map<String, String> groupLabels = route.groupLabels(labels);
        String groupId = route.groupId(groupLabels);
        groupIds.add(groupId);
        touched.putIfAbsent(
            groupId,
            new GroupRow(
                groupId,
                route.id(),
                route.receiver(),
                route.groupKey(groupLabels),
                groupLabels,
                null,
                null,
                0,
                null));
        timings.put(groupId, route.timing());
        routes.put(groupId, route);
        members.add(new String[] {groupId, change.alert().fingerprint()});
        if (newFiringAlert) {
          newFiring.computeIfAbsent(groupId, k -> new ArrayList<>()).add(change.alert());
        } else {
          mixed.add(groupId);
        }
      }
      if (!state.inserted() && !change.alert().resolved()) {
        // Labels may have changed (e.g. a new severity): leave the groups it no longer routes to.
        for (String left :
            groupMembers.removeFromOtherGroups(change.alert().fingerprint(), groupIds)) {
          timings.putIfAbsent(left, null);
          mixed.add(left);
        }
      }
    }
    silences.alertsResolved(resolved, now);
    if (timings.isEmpty()) {
      return new Result(Optional.empty(), List.of());
    }
    newFiring.keySet().removeAll(mixed);
    newFiring.keySet().removeIf(id -> !routes.get(id).timing().groupWait().isZero());
    // Create (fresh groups already flushed), then lock the rest in group-id order (concurrent
    // batches never deadlock), then add members: a flush that deleted an emptied group meanwhile
    // is seen here and the group is re-created.
    FreshGroups.Flushed flushedFresh = fresh.create(cfg, touched, routes, newFiring, now);
    timings.keySet().removeAll(flushedFresh.groupIds());
    Map<String, GroupRow> locked = groups.lock(timings.keySet());
    List<GroupRow> vanished =
        touched.values().stream()
            .filter(g -> timings.containsKey(g.groupId()) && !locked.containsKey(g.groupId()))
            .toList();
    if (!vanished.isEmpty()) {
      groups.insertAll(vanished, now);
      locked.putAll(groups.lock(vanished.stream().map(GroupRow::groupId).toList()));
    }
    groupMembers.addMembers(members);
    Map<String, Instant> schedule = new HashMap<>();
    Instant earliest = null;
    for (GroupRow g : locked.values()) {
      GroupTiming timing = timings.get(g.groupId());
      if (timing == null) {
        timing = cfg.route(g.routeId()).map(Route::timing).orElse(GroupTiming.DEFAULTS);
      }
      Instant next = FlushSchedule.afterChange(g.nextFlushAt(), g.lastFlushAt(), timing, now);
      if (!next.equals(g.nextFlushAt())) {
        schedule.put(g.groupId(), next);
      }
      earliest = earliest == null || next.isBefore(earliest) ? next : earliest;
    }
    groups.scheduleAll(schedule);
    return new Result(Optional.ofNullable(earliest), flushedFresh.claimed());
  }
}
