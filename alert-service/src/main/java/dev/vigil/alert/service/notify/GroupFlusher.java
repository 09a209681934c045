package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifyConfigHolder;
import dev.vigil.alert.domain.notify.NotifyAlert;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.domain.notify.Route;
import dev.vigil.alert.persistence.notify.GroupRow;
import dev.vigil.alert.persistence.notify.NotificationLogRepository;
import dev.vigil.alert.persistence.notify.NotifyAlertRepository;
import dev.vigil.alert.persistence.notify.NotifyGroupMemberRepository;
import dev.vigil.alert.persistence.notify.NotifyGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Flushes due aggregation groups. One transaction locks a batch of due groups (skipping rows
 * another replica holds), decides each flush with {@link FlushDecider}, claims the notifications in
 * the log and advances the groups. Sending happens after the commit, from the claimed rows: so a
 * notification is sent only if its claim committed, and a committed claim is sent until it succeeds
 * or fails for good.
 */
@ApplicationScoped
public class GroupFlusher {

  private static final Logger LOG = Logger.getLogger(GroupFlusher.class);

  private final NotifyGroupRepository groups;
  private final NotifyGroupMemberRepository groupMembers;
  private final NotifyAlertRepository alerts;
  private final SilenceService silences;
  private final FlushDecider decider;
  private final NotifyConfigHolder config;
  private final Clock clock;

  public GroupFlusher(
      NotifyGroupRepository groups,
      NotifyGroupMemberRepository groupMembers,
      NotifyAlertRepository alerts,
      SilenceService silences,
      FlushDecider decider,
      NotifyConfigHolder config,
      Clock clock) {
    this.groups = groups;
    this.groupMembers = groupMembers;
    this.alerts = alerts;
    this.silences = silences;
    this.decider = decider;
    this.config = config;
    this.clock = clock;
  }

  /** Outcome of one batch: groups flushed, and notifications to deliver. */
  public record Result(int groups, List<Claimed> claimed) {}

  @Transactional
  public Result flushDue(int limit) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Map<String, GroupRow> due = groups.claimDue(now, limit);
    if (due.isEmpty()) {
      return new Result(0, List.of());
    }
    NotifyConfig cfg = config.current();
    Map<String, List<NotifyAlert>> members = alerts.byGroup(due.keySet());
    Mutes mutes = new Mutes(silences.active(now), cfg.inhibitRules(), alerts::firing, now);
    List<NotificationLogRepository.Claim> claims = new ArrayList<>();
    List<NotifyGroupRepository.Flushed> flushed = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    List<String[]> droppedMembers = new ArrayList<>();
    for (GroupRow g : due.values()) {
      Optional<Route> route = cfg.route(g.routeId());
      if (route.isEmpty() || !route.get().receiver().equals(g.receiver())) {
        // The route is gone from the configuration: its group goes too; alerts regroup on change.
        LOG.infof("group %s dropped: its route is no longer configured", g.groupKey());
        groups.delete(g.groupId());
        continue;
      }
      FlushDecider.Decision d =
          decider.decide(
              cfg, route.get(), g, members.getOrDefault(g.groupId(), List.of()), mutes, now);
      claims.addAll(d.claims());
      flushed.add(d.flushed());
      dropped.addAll(d.flushed().dropped());
      d.flushed().dropped().forEach(fp -> droppedMembers.add(new String[] {g.groupId(), fp}));
    }
    List<Claimed> claimed = decider.claim(claims, now);
    // Members first: a group left without members and without a next flush is then deleted.
    groupMembers.removeMembers(droppedMembers);
    groups.flushedAll(flushed, now);
    alerts.deleteResolvedOrphans(dropped);
    return new Result(due.size(), claimed);
  }
}
