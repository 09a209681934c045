package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.TimelineEntry;
import dev.vigil.incident.domain.TimelineKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code timeline_entry}; append-only. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "incident_id", nullable = false)
  public UUID incidentId;

  @Column(nullable = false)
  public Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TimelineKind kind;

  @Column(nullable = false)
  public String actor;

  @Column(nullable = false)
  public String message;

  @Column(name = "alert_fingerprint")
  public String alertFingerprint;

  static TimelineEntryEntity of(UUID incidentId, TimelineEntry entry) {
    TimelineEntryEntity e = new TimelineEntryEntity();
    e.incidentId = incidentId;
    e.at = entry.at();
    e.kind = entry.kind();
    e.actor = entry.actor();
    e.message = entry.message();
    e.alertFingerprint = entry.alertFingerprint();
    return e;
  }

  TimelineEntry toDomain() {
    return new TimelineEntry(kind, at, actor, message, alertFingerprint);
  }
}
