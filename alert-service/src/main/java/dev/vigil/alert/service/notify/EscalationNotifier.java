package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifyConfigHolder;
import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.EscalationNotice;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.Notification;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.persistence.notify.NotificationLogRepository;
import dev.vigil.events.IncidentEscalated;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.messaging.PoisonRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Claims the notifications of an escalation step in the notification log, in the transaction of the
 * inbox mark; the caller sends them after the commit through {@link NotificationDispatcher}
 * (retries, lease, outcomes), exactly like a group flush. The log's unique key (see {@link
 * EscalationNotice}) makes a redelivery, a replay with another CloudEvent id or a second replica
 * claim nothing.
 */
@ApplicationScoped
public class EscalationNotifier {

  /** Inbox consumer name of the escalations channel. */
  public static final String CONSUMER = "alert-service.incident-escalations";

  private static final Logger LOG = Logger.getLogger(EscalationNotifier.class);

  private final Inbox inbox;
  private final NotificationLogRepository log;
  private final NotifyConfigHolder config;
  private final NotifySettings settings;
  private final Clock clock;

  public EscalationNotifier(
      Inbox inbox,
      NotificationLogRepository log,
      NotifyConfigHolder config,
      NotifySettings settings,
      Clock clock) {
    this.inbox = inbox;
    this.log = log;
    this.config = config;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @return the notifications this call claimed and must now be dispatched
   * @throws PoisonRecordException if a receiver is not configured (nothing is claimed or marked)
   */
  @Transactional
  public List<Claimed> apply(String eventId, IncidentEscalated escalated) {
    NotifyConfig cfg = config.current();
    List<String> unknown =
        escalated.receivers().stream().filter(r -> !cfg.receivers().containsKey(r)).toList();
    if (!unknown.isEmpty()) {
      // Before the inbox mark: once the receivers are configured, the dead-lettered record can be
      // replayed and is then sent.
      throw new PoisonRecordException(
          "escalation step %d of incident %s names unknown receiver(s) %s; configured: %s"
              .formatted(
                  escalated.step(),
                  escalated.incidentId(),
                  unknown,
                  new TreeSet<>(cfg.receivers().keySet())));
    }
    if (!inbox.firstDelivery(CONSUMER, eventId)) {
      LOG.debugf("duplicate escalation event %s skipped", eventId);
      return List.of();
    }
    List<NotificationLogRepository.Claim> claims = new ArrayList<>();
    for (String receiver : escalated.receivers()) {
      Notification n = EscalationNotice.of(escalated, receiver);
      List<Integration> integrations = cfg.integrations(receiver);
      if (integrations.isEmpty()) {
        LOG.infof("%s (receiver %s has no integrations: logged only)", n.title(), receiver);
      }
      for (int i = 0; i < integrations.size(); i++) {
        claims.add(
            new NotificationLogRepository.Claim(
                EscalationNotice.groupId(escalated),
                escalated.step(),
                integrations.get(i).kind() + "/" + i,
                n,
                EscalationNotice.alertsHash(escalated)));
      }
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Long> ids = log.claimAll(claims, now, now.plus(settings.lease()));
    List<Claimed> claimed = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      NotificationLogRepository.Claim c = claims.get(i);
      if (ids.get(i) == null) {
        LOG.infof(
            "escalation step %d of incident %s to %s (%s) was claimed before: not sent again",
            escalated.step(), escalated.incidentId(), c.n().receiver(), c.integration());
        continue;
      }
      int slash = c.integration().indexOf('/');
      claimed.add(
          new Claimed(
              ids.get(i),
              c.n().receiver(),
              Integer.parseInt(c.integration().substring(slash + 1)),
              c.integration().substring(0, slash),
              c.n(),
              0));
    }
    return claimed;
  }
}
