package dev.vigil.alert.domain.notify;

import dev.vigil.events.IncidentEscalated;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@code IncidentEscalated} into a notification the existing integrations can send: one
 * firing "alert" standing for the incident, labelled {@code alertname="IncidentEscalated"}, so a
 * webhook receives an Alertmanager v4 payload, Slack a message, PagerDuty a trigger and e-mail a
 * mail, all in their usual shape.
 *
 * <p>Identity in the notification log: group {@code escalation/<incident>}, flush sequence = the
 * step, alert-set hash = incident, step and chain start. A redelivered or replayed event therefore
 * claims the same row and is never sent twice, while a reopened incident (a new chain) notifies its
 * steps again. Each step has its own group key, so PagerDuty (which deduplicates by it) pages again
 * for every step instead of folding step 2 into step 1's page.
 */
public final class EscalationNotice {

  public static final String ALERT_NAME = "IncidentEscalated";

  private EscalationNotice() {}

  /** The notification-log group of an incident's escalations. */
  public static String groupId(IncidentEscalated e) {
    return "escalation/" + e.incidentId();
  }

  /** What makes one step of one chain unique (see the class comment). */
  public static String alertsHash(IncidentEscalated e) {
    return LabelSets.sha256(e.incidentId() + "|" + e.step() + "|" + e.triggeredAt());
  }

  public static Notification of(IncidentEscalated e, String receiver) {
    Map<String, String> labels = new LinkedHashMap<>(e.labels());
    labels.put("alertname", ALERT_NAME);
    labels.put("incident_id", e.incidentId());
    labels.put("escalation_step", Integer.toString(e.step()));
    labels.put("escalation_policy", e.policy());
    labels.put("severity", e.severity().name().toLowerCase(Locale.ROOT));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", "Not acknowledged: " + e.title());
    annotations.put(
        "description",
        "Incident %s (%s) is still not acknowledged: escalation step %d of %d (policy %s), chain started %s."
            .formatted(
                e.incidentId(),
                e.severity().name().toLowerCase(Locale.ROOT),
                e.step(),
                e.steps(),
                e.policy(),
                e.triggeredAt()));
    if (!e.components().isEmpty()) {
      annotations.put("components", String.join(", ", e.components()));
    }
    NotifyAlert alert =
        new NotifyAlert(
            LabelSets.sha256(e.incidentId() + "|" + e.step()).substring(0, 16),
            labels,
            annotations,
            e.triggeredAt(),
            null,
            null);
    Map<String, String> groupLabels = new LinkedHashMap<>();
    groupLabels.put("alertname", ALERT_NAME);
    groupLabels.put("incident_id", e.incidentId());
    groupLabels.put("escalation_step", Integer.toString(e.step()));
    return new Notification(
        groupId(e) + "/" + e.step(),
        receiver,
        "{}:{alertname=\"%s\", escalation_step=\"%d\", incident_id=\"%s\"}"
            .formatted(ALERT_NAME, e.step(), e.incidentId()),
        groupLabels,
        List.of(alert),
        List.of());
  }
}
