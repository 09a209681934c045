package dev.vigil.incident.domain;

import dev.vigil.events.AlertFired;
import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An alert as an incident sees it: the latest severity and text alert-service reported, and whether
 * it still fires.
 *
 * @param fingerprint the alert's identity (from alert-service)
 * @param alertName the rule's alert name
 * @param severity latest reported severity
 * @param status firing or resolved
 * @param summary latest {@code annotations.summary}, may be {@code null}
 * @param labels the alert's labels
 * @param firstFiredAt when the alert started firing ({@code startsAt}, or when first seen)
 * @param lastFiredAt when incident-service last saw it fire
 * @param resolvedAt when it resolved; {@code null} while firing
 * @param groupKey the alert group it came from: the incident's own, or another group's when it
 *     joined by component; {@code null} for alerts stored before this was recorded
 */
public record IncidentAlert(
    String fingerprint,
    String alertName,
    Severity severity,
    AlertStatus status,
    String summary,
    Map<String, String> labels,
    Instant firstFiredAt,
    Instant lastFiredAt,
    Instant resolvedAt,
    String groupKey) {

  public IncidentAlert {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  static IncidentAlert firing(AlertFired alert, Instant now) {
    return new IncidentAlert(
        alert.fingerprint(),
        alert.alertName(),
        alert.severity(),
        AlertStatus.FIRING,
        summaryOf(alert),
        alert.labels(),
        alert.startsAt() != null ? alert.startsAt() : now,
        now,
        null,
        alert.groupKey());
  }

  /** This alert after firing again: it takes the new severity and text and is firing. */
  IncidentAlert refired(AlertFired alert, Instant now) {
    String newSummary = summaryOf(alert);
    return new IncidentAlert(
        fingerprint,
        alert.alertName() != null ? alert.alertName() : alertName,
        alert.severity(),
        AlertStatus.FIRING,
        newSummary != null ? newSummary : summary,
        alert.labels().isEmpty() ? labels : alert.labels(),
        firstFiredAt,
        now,
        null,
        groupKey != null ? groupKey : alert.groupKey());
  }

  IncidentAlert resolved(Instant now) {
    return new IncidentAlert(
        fingerprint,
        alertName,
        severity,
        AlertStatus.RESOLVED,
        summary,
        labels,
        firstFiredAt,
        lastFiredAt,
        now,
        groupKey);
  }

  public boolean firing() {
    return status == AlertStatus.FIRING;
  }

  /** The name people know the alert by: its alert name, else its fingerprint. */
  public String displayName() {
    return alertName != null && !alertName.isBlank() ? alertName : fingerprint;
  }

  static String summaryOf(AlertFired alert) {
    String summary = alert.annotations().get("summary");
    return summary == null || summary.isBlank() ? null : summary;
  }
}
