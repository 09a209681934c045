package dev.vigil.incident.persistence;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.AlertStatus;
import dev.vigil.incident.domain.IncidentAlert;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code incident_alert}: one alert attached to one incident. */
@Entity
@Table(name = "incident_alert")
public class IncidentAlertEntity {

  @EmbeddedId public Key id;

  @Column(name = "alert_name")
  public String alertName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AlertStatus status;

  public String summary;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> labels;

  @Column(name = "first_fired_at", nullable = false)
  public Instant firstFiredAt;

  @Column(name = "last_fired_at", nullable = false)
  public Instant lastFiredAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  /** The alert's own group; differs from the incident's when it joined by component. */
  @Column(name = "group_key")
  public String groupKey;

  /** Incident id plus alert fingerprint. */
  @Embeddable
  public record Key(
      @Column(name = "incident_id", nullable = false) UUID incidentId,
      @Column(name = "fingerprint", nullable = false) String fingerprint)
      implements Serializable {}

  // Writes stay inside the entity for enhanced dirty tracking (see IncidentEntity).
  void copyFrom(UUID incidentId, IncidentAlert alert) {
    if (id == null) {
      id = new Key(incidentId, alert.fingerprint());
    }
    alertName = alert.alertName();
    severity = alert.severity();
    status = alert.status();
    summary = alert.summary();
    labels = alert.labels();
    firstFiredAt = alert.firstFiredAt();
    lastFiredAt = alert.lastFiredAt();
    resolvedAt = alert.resolvedAt();
    groupKey = alert.groupKey();
  }

  IncidentAlert toDomain() {
    return new IncidentAlert(
        id.fingerprint(),
        alertName,
        severity,
        status,
        summary,
        labels,
        firstFiredAt,
        lastFiredAt,
        resolvedAt,
        groupKey);
  }
}
