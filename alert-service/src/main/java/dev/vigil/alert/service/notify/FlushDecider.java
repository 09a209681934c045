package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.FlushPlan;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.LabelSets;
import dev.vigil.alert.domain.notify.Notification;
import dev.vigil.alert.domain.notify.NotifyAlert;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.domain.notify.Route;
import dev.vigil.alert.persistence.notify.GroupRow;
import dev.vigil.alert.persistence.notify.NotificationLogRepository;
import dev.vigil.alert.persistence.notify.NotifyGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One group's flush, shared by the two places that flush: {@link GroupFlusher} (due groups locked
 * from the table) and {@link NotificationIntake} (a group created by the batch with no {@code
 * group_wait}, flushed in the transaction that creates it). Both must decide and claim exactly
 * alike, or a notification could be claimed under two different keys.
 */
@ApplicationScoped
public class FlushDecider {

  private static final Logger LOG = Logger.getLogger(FlushDecider.class);

  private final NotificationLogRepository log;
  private final NotifySettings settings;

  public FlushDecider(NotificationLogRepository log, NotifySettings settings) {
    this.log = log;
    this.settings = settings;
  }

  /** What one flush records on the group and which notifications it claims. */
  public record Decision(
      NotifyGroupRepository.Flushed flushed, List<NotificationLogRepository.Claim> claims) {}

  Decision decide(
      NotifyConfig cfg,
      Route route,
      GroupRow g,
      List<NotifyAlert> groupAlerts,
      Mutes mutes,
      Instant now) {
    mutes.prepare(groupAlerts);
    FlushPlan plan =
        FlushPlan.plan(
            groupAlerts,
            mutes::muted,
            cfg.timeMuted(route, now),
            g.sent(),
            cfg.sendResolved(g.receiver()),
            route.timing(),
            now);
    return new Decision(
        new NotifyGroupRepository.Flushed(
            g.groupId(), plan.nextFlushAt(), plan.sent(), plan.dropped()),
        plan.send() ? claims(cfg, g, plan) : List.of());
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

  /** Claims the notifications in one statement; returns those this transaction owns. */
  List<Claimed> claim(List<NotificationLogRepository.Claim> claims, Instant now) {
    if (claims.isEmpty()) {
      return List.of();
    }
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
