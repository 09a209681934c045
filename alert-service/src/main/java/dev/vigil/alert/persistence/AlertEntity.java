package dev.vigil.alert.persistence;

import dev.vigil.alert.domain.Alert;
import dev.vigil.alert.domain.AlertState;
import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One alert, identified by its fingerprint. Resolved alerts stay as history; a re-fire reuses the
 * row with a new {@code startsAt}.
 */
@Entity
@Table(name = "alert")
public class AlertEntity {

  @Id public String fingerprint;

  @Column(name = "alert_name", nullable = false)
  public String alertName;

  /** The observed entity: target id, provider id or CloudEvent subject. */
  @Column(name = "target_id", nullable = false)
  public String targetId;

  /** CloudEvent type the rule reads. */
  @Column(nullable = false)
  public String source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AlertStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> labels;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> annotations;

  @Column(name = "group_key", nullable = false)
  public String groupKey;

  public Double value;

  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "active_at")
  public Instant activeAt;

  @Column(name = "recovering_since")
  public Instant recoveringSince;

  @Column(name = "ends_at")
  public Instant endsAt;

  @Column(name = "last_event_id", nullable = false)
  public String lastEventId;

  /** Optimistic lock: two writers of one alert make one of them retry instead of losing data. */
  @Version public long version;

  public AlertState state() {
    return new AlertState(status, severity, activeAt, recoveringSince);
  }

  public Alert toAlert() {
    return new Alert(
        fingerprint,
        alertName,
        targetId,
        severity,
        status,
        labels,
        annotations,
        groupKey,
        value,
        startsAt,
        updatedAt,
        resolvedAt,
        lastEventId);
  }
}
