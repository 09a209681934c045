package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifyConfigHolder;
import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.alert.domain.notify.FlushSchedule;
import dev.vigil.alert.domain.notify.GroupTiming;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.domain.notify.Route;
import dev.vigil.alert.persistence.notify.GroupRow;
import dev.vigil.alert.persistence.notify.NotifyAlertRepository;
import dev.vigil.alert.persistence.notify.NotifyGroupRepository;
import dev.vigil.alert.persistence.notify.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies alert events to the notifier's state: the alert view, group membership and each touched
 * group's next flush. One transaction per batch of records, with the inbox marks (the platform
 * inbox's table, written as one JDBC batch).
 */
@ApplicationScoped
public class NotificationIntake {

  /** Inbox consumer name; also the Kafka consumer group of the notifier. */
  public static final String CONSUMER = "alert-service-notifier";

  private final NotifyAlertRepository alerts;
  private final NotifyGroupRepository groups;
  private final SilenceService silences;
  private final NotifyConfigHolder config;
  private final ProcessedEvents inbox;
  private final Clock clock;

  public NotificationIntake(
      NotifyAlertRepository alerts,
      NotifyGroupRepository groups,
      SilenceService silences,
      NotifyConfigHolder config,
      ProcessedEvents inbox,
      Clock clock) {
    this.alerts = alerts;
    this.groups = groups;
    this.silences = silences;
    this.config = config;
    this.inbox = inbox;
    this.clock = clock;
  }

  /**
   * Applies the changes in order.
   *
   * @return the earliest next flush among the groups touched, if any
   */
  @Transactional
  public Optional<Instant> apply(List<AlertChange> changes) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    NotifyConfig cfg = config.current();
    Set<String> first =
        inbox.firstDeliveries(CONSUMER, changes.stream().map(AlertChange::eventId).toList(), now);
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
    List<String[]> members = new ArrayList<>();
    List<Map<String, String>> resolved = new ArrayList<>();
    for (AlertChange change : latest.values()) {
      NotifyAlertRepository.Stored state = stored.get(change.alert().fingerprint());
      if (state == null) {
        continue; // same state as before, or older than what we know
      }
      Map<String, String> labels = state.labels();
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
        members.add(new String[] {groupId, change.alert().fingerprint()});
      }
      if (!state.inserted() && !change.alert().resolved()) {
        // Labels may have changed (e.g. a new severity): leave the groups it no longer routes to.
        for (String left : groups.removeFromOtherGroups(change.alert().fingerprint(), groupIds)) {
          timings.putIfAbsent(left, null);
        }
      }
    }
    silences.alertsResolved(resolved, now);
    if (timings.isEmpty()) {
      return Optional.empty();
    }
    // Create, then lock in group-id order (concurrent batches never deadlock), then add members:
    // a flush that deleted an emptied group meanwhile is seen here and the group is re-created.
    groups.ensureAll(touched.values(), now);
    Map<String, GroupRow> locked = groups.lock(timings.keySet());
    List<GroupRow> vanished =
        touched.values().stream().filter(g -> !locked.containsKey(g.groupId())).toList();
    if (!vanished.isEmpty()) {
      groups.ensureAll(vanished, now);
      locked.putAll(groups.lock(vanished.stream().map(GroupRow::groupId).toList()));
    }
    groups.addMembers(members);
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
    return Optional.ofNullable(earliest);
  }
}
