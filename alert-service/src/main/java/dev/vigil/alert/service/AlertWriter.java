package dev.vigil.alert.service;

import dev.vigil.alert.Channels;
import dev.vigil.alert.config.AlertConfig;
import dev.vigil.alert.domain.AlertCandidate;
import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.alert.domain.AlertTransition;
import dev.vigil.alert.domain.Decision;
import dev.vigil.alert.domain.GroupKey;
import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.alert.persistence.AlertHistoryEntity;
import dev.vigil.alert.persistence.AlertHistoryRepository;
import dev.vigil.alert.persistence.AlertRepository;
import dev.vigil.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Carries out a state-machine decision inside the caller's transaction: the alert row, its history
 * line and its outbox event change together or not at all.
 */
@ApplicationScoped
class AlertWriter {

  private static final Logger LOG = Logger.getLogger(AlertWriter.class);
  private static final int DETAIL_LENGTH = 2000;

  private final AlertRepository alerts;
  private final AlertHistoryRepository history;
  private final Outbox outbox;
  private final AlertConfig config;
  private final Event<AlertTransitioned> transitioned;

  AlertWriter(
      AlertRepository alerts,
      AlertHistoryRepository history,
      Outbox outbox,
      AlertConfig config,
      Event<AlertTransitioned> transitioned) {
    this.alerts = alerts;
    this.history = history;
    this.outbox = outbox;
    this.config = config;
    this.transitioned = transitioned;
  }

  /**
   * What an alert should become.
   *
   * @param source CloudEvent type of the rule (for new rows)
   * @param entityId observed entity (for new rows)
   * @param candidate labels, severity, annotations and value when the instance matched; {@code
   *     null} for time-driven and recovery decisions, which keep what is stored
   * @param reason why, for resolutions and the history
   * @param eventId the causing CloudEvent, {@code null} for the timer sweep
   */
  record Change(
      String source,
      String entityId,
      AlertCandidate candidate,
      String reason,
      String eventId,
      Instant endsAt) {}

  /**
   * @param alert the stored alert, {@code null} if none
   * @return what happened, or {@code null} when nothing changed
   */
  AlertTransitioned apply(AlertEntity alert, Decision decision, Change change, Instant now) {
    AlertTransition t = decision.transition();
    if (t == AlertTransition.NONE) {
      return null;
    }
    AlertCandidate c = change.candidate();
    if (alert == null) {
      Objects.requireNonNull(c, "a new alert needs its candidate");
      alert = new AlertEntity();
      alert.fingerprint = c.fingerprint();
      alert.source = change.source();
      alert.targetId = change.entityId();
    }
    switch (t) {
      case PEND, FIRE, REFIRE -> {
        if (c != null) {
          alert.alertName = c.alertName();
          alert.labels = c.labels();
        }
        // Fixed for a firing period, so a change of group-by never moves a firing alert.
        alert.groupKey = GroupKey.of(alert.labels, config.groupBy());
        alert.startsAt = now;
        alert.resolvedAt = null;
        update(alert, c);
      }
      case ESCALATE, DEESCALATE -> update(alert, c);
      case REFRESH -> {
        if (!refreshes(alert, c, change.endsAt())) {
          AlertTransitioned quiet = new AlertTransitioned(alert.fingerprint, t);
          transitioned.fire(quiet);
          return quiet;
        }
        update(alert, c);
      }
      case RESOLVE -> alert.resolvedAt = now;
      case KEEP, CANCEL, NONE -> {}
    }
    alert.status = decision.next().status();
    alert.severity = decision.next().severity();
    alert.activeAt = decision.next().activeAt();
    alert.recoveringSince = decision.next().recoveringSince();
    alert.endsAt = alert.status == AlertStatus.FIRING ? change.endsAt() : null;
    alert.updatedAt = now;
    if (change.eventId() != null || alert.lastEventId == null) {
      alert.lastEventId = change.eventId() == null ? "none" : change.eventId();
    }
    if (!alerts.isPersistent(alert)) {
      alerts.persist(alert);
    }
    if (t.firesEvent()) {
      outbox.enqueue(
          Channels.ALERTS, alert.fingerprint, now, AlertEvents.fired(alert, now, change.eventId()));
    } else if (t == AlertTransition.RESOLVE) {
      outbox.enqueue(
          Channels.ALERTS,
          alert.fingerprint,
          now,
          AlertEvents.resolved(alert, now, change.reason(), change.eventId()));
    }
    if (t.isHistory()) {
      record(alert, t, change, now);
      LOG.infof(
          "alert %s %s %s: %s", alert.alertName, alert.fingerprint, t, summary(alert, change));
    }
    AlertTransitioned result = new AlertTransitioned(alert.fingerprint, t);
    transitioned.fire(result);
    return result;
  }

  /** A refresh writes only when something visible changed, so steady alerts cost no update. */
  private static boolean refreshes(AlertEntity alert, AlertCandidate c, Instant endsAt) {
    return c != null
        && (!c.annotations().equals(alert.annotations)
            || !Objects.equals(c.value(), alert.value)
            || !Objects.equals(endsAt, alert.endsAt));
  }

  private static void update(AlertEntity alert, AlertCandidate c) {
    if (c == null) {
      return;
    }
    alert.severity = c.severity();
    alert.annotations = c.annotations();
    alert.value = c.value();
  }

  private void record(AlertEntity alert, AlertTransition t, Change change, Instant now) {
    AlertHistoryEntity h = new AlertHistoryEntity();
    h.fingerprint = alert.fingerprint;
    h.alertName = alert.alertName;
    h.transition = t.name();
    h.status = alert.status.name();
    h.severity = alert.severity.name();
    h.at = now;
    h.eventId = change.eventId();
    String detail = summary(alert, change);
    h.detail =
        detail == null || detail.length() <= DETAIL_LENGTH
            ? detail
            : detail.substring(0, DETAIL_LENGTH);
    history.persist(h);
  }

  private static String summary(AlertEntity alert, Change change) {
    if (alert.status == AlertStatus.RESOLVED || alert.status == AlertStatus.INACTIVE) {
      return change.reason();
    }
    return alert.annotations == null ? null : alert.annotations.get("summary");
  }
}
