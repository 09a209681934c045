package dev.vigil.incident.persistence;

import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.AlertCounts;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentAlert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code incident}. */
@Entity
@Table(name = "incident")
public class IncidentEntity {

  @Id public UUID id;

  @Column(name = "group_key", nullable = false)
  public String groupKey;

  @Column(nullable = false)
  public String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public IncidentStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> labels;

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "resolved_by")
  public String resolvedBy;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "acknowledged_by")
  public String acknowledgedBy;

  /** Optimistic lock: a concurrent change fails the flush and the consumer retries. */
  /** The post-incident review, written by responders; never touched by {@link #copyFrom}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public Map<String, Object> postmortem;

  @Version public long version;

  // Running counts over the incident's alerts (AlertCounts), so an alert event never loads the
  // other alerts to know the severity or whether any still fires.
  @Column(name = "critical_alerts", nullable = false)
  public int criticalAlerts;

  @Column(name = "warning_alerts", nullable = false)
  public int warningAlerts;

  @Column(name = "info_alerts", nullable = false)
  public int infoAlerts;

  @Column(name = "firing_alerts", nullable = false)
  public int firingAlerts;

  @Column(name = "last_alert_resolved_at")
  public Instant lastAlertResolvedAt;

  /*
   * Writes happen inside the entity so that Hibernate's bytecode-enhanced dirty tracking sees
   * them, whichever class calls.
   */
  void copyFrom(Incident incident) {
    if (id == null) {
      id = incident.id();
    }
    groupKey = incident.groupKey();
    title = incident.title();
    severity = incident.severity();
    status = incident.status();
    labels = incident.labels();
    openedAt = incident.openedAt();
    updatedAt = incident.updatedAt();
    resolvedAt = incident.resolvedAt();
    resolvedBy = incident.resolvedBy();
    acknowledgedAt = incident.acknowledgedAt();
    acknowledgedBy = incident.acknowledgedBy();
    AlertCounts counts = incident.alertCounts();
    criticalAlerts = counts.critical();
    warningAlerts = counts.warning();
    infoAlerts = counts.info();
    firingAlerts = counts.firing();
    lastAlertResolvedAt = counts.lastResolvedAt();
  }

  /** The incident with only {@code loaded} of its alerts (see {@link Incident#restore}). */
  Incident toDomainPartly(List<IncidentAlert> loaded, Set<String> joinedGroups) {
    return Incident.restore(
        id,
        groupKey,
        title,
        severity,
        status,
        labels == null ? Map.of() : labels,
        openedAt,
        updatedAt,
        resolvedAt,
        resolvedBy,
        acknowledgedAt,
        acknowledgedBy,
        new AlertCounts(
            criticalAlerts, warningAlerts, infoAlerts, firingAlerts, lastAlertResolvedAt),
        loaded,
        joinedGroups);
  }

  Incident toDomain(List<IncidentAlert> alerts) {
    return Incident.restore(
        id,
        groupKey,
        title,
        severity,
        status,
        labels == null ? Map.of() : labels,
        openedAt,
        updatedAt,
        resolvedAt,
        resolvedBy,
        acknowledgedAt,
        acknowledgedBy,
        AlertCounts.of(alerts),
        alerts,
        Set.of());
  }
}
