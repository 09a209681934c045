package dev.vigil.alert.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state change of one alert; append-only. */
@Entity
@Table(name = "alert_history")
public class AlertHistoryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String fingerprint;

  @Column(name = "alert_name", nullable = false)
  public String alertName;

  @Column(nullable = false)
  public String transition;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public String severity;

  @Column(nullable = false)
  public Instant at;

  @Column(name = "event_id")
  public String eventId;

  public String detail;
}
