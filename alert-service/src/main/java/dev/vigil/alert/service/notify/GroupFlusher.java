package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifyConfigHolder;
import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.FlushPlan;
import dev.vigil.alert.domain.notify.Inhibitor;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.LabelSets;
import dev.vigil.alert.domain.notify.Notification;
import dev.vigil.alert.domain.notify.NotifyAlert;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.domain.notify.Route;
import dev.vigil.alert.domain.notify.Silence;
import dev.vigil.alert.persistence.notify.GroupRow;
import dev.vigil.alert.persistence.notify.NotificationLogRepository;
import dev.vigil.alert.persistence.notify.NotifyAlertRepository;
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
 * another replica holds), decides each flush with {@link FlushPlan}, claims the notifications in
 * the log and advances the groups. Sending happens after the commit, from the claimed rows: so a
 * notification is sent only if its claim committed, and a committed claim is sent until it succeeds
 * or fails for good.
 */
@ApplicationScoped
public class GroupFlusher {

  private static final Logger LOG = Logger.getLogger(GroupFlusher.class);

  private final NotifyGroupRepository groups;
  private final NotifyAlertRepository alerts;
  private final NotificationLogRepository log;
  private final SilenceService silences;
  private final NotifyConfigHolder config;
  private final NotifySettings settings;
  private final Clock clock;

  public GroupFlusher(
      NotifyGroupRepository groups,
      NotifyAlertRepository alerts,
      NotificationLogRepository log,
      SilenceService silences,
      NotifyConfigHolder config,
      NotifySettings settings,
      Clock clock) {
    this.groups = groups;
    this.alerts = alerts;
    this.log = log;
    this.silences = silences;
    this.config = config;
    this.settings = settings;
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
    List<Silence> active = silences.active(now);
    Inhibitor inhibitor = null;
    List<NotificationLogRepository.Claim> claims = new ArrayList<>();
    List<NotifyGroupRepository.Flushed> flushed = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    for (GroupRow g : due.values()) {
      Optional<Route> route = cfg.route(g.routeId());
      if (route.isEmpty() || !route.get().receiver().equals(g.receiver())) {
        // The route is gone from the configuration: its group goes too; alerts regroup on change.
        LOG.infof("group %s dropped: its route is no longer configured", g.groupKey());
        groups.delete(g.groupId());
        continue;
      }
      List<NotifyAlert> groupAlerts = members.getOrDefault(g.groupId(), List.of());
      if (inhibitor == null
          && !cfg.inhibitRules().isEmpty()
          && groupAlerts.stream()
              .anyMatch(a -> Inhibitor.anyTarget(cfg.inhibitRules(), a.labels()))) {
        inhibitor = new Inhibitor(cfg.inhibitRules(), alerts.firing());
      }
      Inhibitor inhibit = inhibitor;
      FlushPlan plan =
          FlushPlan.plan(
              groupAlerts,
              a -> muted(a, active, inhibit, now),
              cfg.timeMuted(route.get(), now),
              g.sent(),
              cfg.sendResolved(g.receiver()),
              route.get().timing(),
              now);
      if (plan.send()) {
        claims.addAll(claims(cfg, g, plan));
      }
      flushed.add(
          new NotifyGroupRepository.Flushed(
              g.groupId(), plan.nextFlushAt(), plan.sent(), plan.dropped()));
      dropped.addAll(plan.dropped());
    }
    List<Claimed> claimed = claim(cfg, claims, now);
    groups.flushedAll(flushed, now);
    alerts.deleteResolvedOrphans(dropped);
    return new Result(due.size(), claimed);
  }

  private static boolean muted(
      NotifyAlert a, List<Silence> active, Inhibitor inhibitor, Instant now) {
    for (Silence s : active) {
      if (s.mutes(a.labels(), now)) {
        return true;
      }
    }
    return inhibitor != null && inhibitor.inhibits(a);
  }

  private List<NotificationLogRepository.Claim> claims(
      NotifyConfig cfg, GroupRow g, FlushPlan plan) {
    Notification notification =
        new Notification(
            g.groupId() + "/" + g.flushSeq(),
            g.receiver(),
            g.groupKey(),
            g.groupLabels(),
            plan.firing(),
            plan.resolved());
    String hash =
        LabelSets.sha256(
            LabelSets.hashOfSet(plan.sent().firing())
                + "|"
                + LabelSets.hashOfSet(plan.sent().resolved()));
    List<Integration> integrations = cfg.integrations(g.receiver());
    if (integrations.isEmpty()) {
      LOG.infof(
          "%s (receiver %s has no integrations: logged only)", notification.title(), g.receiver());
      return List.of();
    }
    List<NotificationLogRepository.Claim> out = new ArrayList<>();
    for (int i = 0; i < integrations.size(); i++) {
      Integration integration = integrations.get(i);
      Notification n = integration.sendResolved() ? notification : notification.firingOnly();
      if (!n.isEmpty()) {
        out.add(
            new NotificationLogRepository.Claim(
                g.groupId(), g.flushSeq(), integration.kind() + "/" + i, n, hash));
      }
    }
    return out;
  }

  /** Claims all notifications of the batch in one statement; returns those this flush owns. */
  private List<Claimed> claim(
      NotifyConfig cfg, List<NotificationLogRepository.Claim> claims, Instant now) {
    List<Long> ids = log.claimAll(claims, now, now.plus(settings.lease()));
    List<Claimed> out = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      NotificationLogRepository.Claim c = claims.get(i);
      if (ids.get(i) != null) {
        String kind = c.integration().substring(0, c.integration().indexOf('/'));
        int index = Integer.parseInt(c.integration().substring(c.integration().indexOf('/') + 1));
        out.add(new Claimed(ids.get(i), c.n().receiver(), index, kind, c.n(), 0));
      }
    }
    return out;
  }
}
