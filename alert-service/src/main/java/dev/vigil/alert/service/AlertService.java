package dev.vigil.alert.service;

import dev.vigil.alert.Channels;
import dev.vigil.alert.config.AlertConfig;
import dev.vigil.alert.domain.AlertCandidate;
import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.alert.domain.AlertTransition;
import dev.vigil.alert.domain.CertificateExpiryPolicy;
import dev.vigil.alert.domain.Evaluation;
import dev.vigil.alert.domain.GroupKey;
import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.alert.persistence.AlertRepository;
import dev.vigil.events.CertificateScanned;
import dev.vigil.platform.inbox.Inbox;
import dev.vigil.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies observations to the stored alerts: evaluates, runs the state machine for every alert the
 * rule holds for the target, stores the result and queues the events, all in one transaction with
 * the inbox mark.
 */
@ApplicationScoped
public class AlertService {

  /** Inbox consumer name of the certificate-scan consumer. */
  public static final String CERTIFICATE_SCANS_CONSUMER = "alert-service.certificate-scans";

  private static final Logger LOG = Logger.getLogger(AlertService.class);

  private final Inbox inbox;
  private final Outbox outbox;
  private final AlertRepository alerts;
  private final CertificateExpiryPolicy certificatePolicy;
  private final AlertConfig config;
  private final Clock clock;
  private final Event<AlertTransitioned> transitioned;

  public AlertService(
      Inbox inbox,
      Outbox outbox,
      AlertRepository alerts,
      CertificateExpiryPolicy certificatePolicy,
      AlertConfig config,
      Clock clock,
      Event<AlertTransitioned> transitioned) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.alerts = alerts;
    this.certificatePolicy = certificatePolicy;
    this.config = config;
    this.clock = clock;
    this.transitioned = transitioned;
  }

  /**
   * Applies one {@code CertificateScanned}.
   *
   * @param eventId the CloudEvent id, used to skip redeliveries and as causation id
   * @return what happened; empty for a duplicate delivery
   */
  @Transactional
  public List<AlertTransitioned> apply(String eventId, CertificateScanned scan) {
    if (!inbox.firstDelivery(CERTIFICATE_SCANS_CONSUMER, eventId)) {
      LOG.debugf("scan %s already applied, skipping", eventId);
      return List.of();
    }
    return reconcile(eventId, certificatePolicy.evaluate(scan));
  }

  /**
   * Brings the stored alerts of the evaluated rule and target in line with the evaluation. An alert
   * stored under another fingerprint than the desired one (the target's labels changed) is
   * resolved: it is superseded.
   */
  private List<AlertTransitioned> reconcile(String eventId, Evaluation evaluation) {
    // PostgreSQL keeps microseconds: truncate so an event's startsAt equals the stored one and
    // every later event about the same alert repeats it exactly.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AlertCandidate desired = evaluation.desired();
    String desiredFingerprint = desired == null ? null : desired.fingerprint();
    List<AlertEntity> stored = alerts.findByTarget(evaluation.targetId(), evaluation.alertName());
    List<AlertTransitioned> result = new ArrayList<>();
    boolean matched = false;
    for (AlertEntity alert : stored) {
      boolean same = alert.fingerprint.equals(desiredFingerprint);
      matched |= same;
      AlertTransition transition =
          AlertTransition.decide(
              alert.toAlert().state(), same ? desired.severity() : null, evaluation.noData());
      String reason =
          desired == null
              ? evaluation.detail()
              : "superseded by alert " + desiredFingerprint + ": the target's labels changed";
      result.add(change(alert, transition, same ? desired : null, reason, eventId, now));
    }
    if (!matched && (desired != null || stored.isEmpty())) {
      AlertTransition transition =
          AlertTransition.decide(null, evaluation.desiredSeverity(), evaluation.noData());
      AlertEntity created = transition == AlertTransition.FIRE ? new AlertEntity() : null;
      result.add(change(created, transition, desired, evaluation.detail(), eventId, now));
    }
    return result;
  }

  private AlertTransitioned change(
      AlertEntity alert,
      AlertTransition transition,
      AlertCandidate desired,
      String reason,
      String eventId,
      Instant now) {
    switch (transition) {
      case FIRE, REFIRE -> {
        alert.fingerprint = desired.fingerprint();
        alert.alertName = desired.alertName();
        alert.targetId = desired.labels().get(CertificateExpiryPolicy.TARGET_ID);
        alert.labels = desired.labels();
        // Fixed for a firing period, so a change of group-by never moves a firing alert.
        alert.groupKey = GroupKey.of(desired.labels(), config.groupBy());
        alert.status = AlertStatus.FIRING;
        alert.startsAt = now;
        alert.resolvedAt = null;
        update(alert, desired);
      }
      case ESCALATE, DEESCALATE, REFRESH -> update(alert, desired);
      case RESOLVE -> {
        alert.status = AlertStatus.RESOLVED;
        alert.resolvedAt = now;
      }
      case NONE -> {
        AlertTransitioned nothing =
            new AlertTransitioned(alert == null ? null : alert.fingerprint, transition);
        transitioned.fire(nothing);
        return nothing;
      }
    }
    alert.updatedAt = now;
    alert.lastEventId = eventId;
    if (!alerts.isPersistent(alert)) {
      alerts.persist(alert);
    }
    if (transition.firesEvent()) {
      outbox.enqueue(
          Channels.ALERTS, alert.fingerprint, now, AlertEvents.fired(alert, now, eventId));
    } else if (transition == AlertTransition.RESOLVE) {
      outbox.enqueue(
          Channels.ALERTS,
          alert.fingerprint,
          now,
          AlertEvents.resolved(alert, now, reason, eventId));
    }
    LOG.infof("alert %s %s: %s", alert.fingerprint, transition, alert.annotations.get("summary"));
    AlertTransitioned changed = new AlertTransitioned(alert.fingerprint, transition);
    transitioned.fire(changed);
    return changed;
  }

  private static void update(AlertEntity alert, AlertCandidate desired) {
    alert.severity = desired.severity();
    alert.annotations = desired.annotations();
    alert.value = desired.value();
  }
}
