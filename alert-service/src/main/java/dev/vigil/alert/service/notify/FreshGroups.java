package dev.vigil.alert.service.notify;

import dev.vigil.alert.domain.notify.NotifyAlert;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.domain.notify.Route;
import dev.vigil.alert.persistence.notify.GroupRow;
import dev.vigil.alert.persistence.notify.NotificationLogRepository;
import dev.vigil.alert.persistence.notify.NotifyAlertRepository;
import dev.vigil.alert.persistence.notify.NotifyGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the groups an intake batch touches, and flushes at once those that are due at creation:
 * new groups without {@code group_wait} whose alerts are all new and firing (the common case of a
 * new alert in its own group). Their first flush is decided before the insert and stored with it
 * (flush sequence 1, what was sent, next due time), so a group row never exists in a state the
 * flusher would have to finish. If the row already exists (another batch or replica created it
 * first), nothing of the decision is kept: the group goes through the ordinary schedule.
 */
@ApplicationScoped
public class FreshGroups {

  private final NotifyGroupRepository groups;
  private final NotifyAlertRepository alerts;
  private final SilenceService silences;
  private final FlushDecider decider;

  public FreshGroups(
      NotifyGroupRepository groups,
      NotifyAlertRepository alerts,
      SilenceService silences,
      FlushDecider decider) {
    this.groups = groups;
    this.alerts = alerts;
    this.silences = silences;
    this.decider = decider;
  }

  /**
   * What {@link #create} flushed.
   *
   * @param groupIds the fresh groups created and flushed: nothing else to schedule for them
   * @param claimed their notifications, to deliver after the commit
   */
  public record Flushed(Set<String> groupIds, List<Claimed> claimed) {}

  /**
   * Inserts every touched group that does not exist yet, in group-id order (one statement), the
   * fresh ones already flushed.
   *
   * @param touched the batch's groups, sorted by id, in their idle state
   * @param candidates fresh-group candidates and their (new, firing) alerts
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Flushed create(
      NotifyConfig cfg,
      Map<String, GroupRow> touched,
      Map<String, Route> routes,
      Map<String, List<NotifyAlert>> candidates,
      Instant now) {
    Map<String, FlushDecider.Decision> decisions = new HashMap<>();
    if (!candidates.isEmpty()) {
      Mutes mutes = new Mutes(silences.active(now), cfg.inhibitRules(), alerts::firing, now);
      for (Map.Entry<String, List<NotifyAlert>> e : candidates.entrySet()) {
        GroupRow g = touched.get(e.getKey());
        decisions.put(
            g.groupId(), decider.decide(cfg, routes.get(g.groupId()), g, e.getValue(), mutes, now));
      }
    }
    List<GroupRow> rows = new ArrayList<>(touched.size());
    for (GroupRow g : touched.values()) {
      FlushDecider.Decision d = decisions.get(g.groupId());
      rows.add(
          d == null
              ? g
              : new GroupRow(
                  g.groupId(),
                  g.routeId(),
                  g.receiver(),
                  g.groupKey(),
                  g.groupLabels(),
                  d.flushed().nextFlushAt(),
                  now,
                  g.flushSeq() + 1,
                  d.flushed().sent()));
    }
    Set<String> inserted = groups.insertAll(rows, now);
    inserted.retainAll(decisions.keySet());
    List<NotificationLogRepository.Claim> claims = new ArrayList<>();
    for (String id : inserted) {
      claims.addAll(decisions.get(id).claims());
    }
    return new Flushed(inserted, decider.claim(claims, now));
  }
}
