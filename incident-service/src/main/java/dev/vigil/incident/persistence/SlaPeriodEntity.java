package dev.vigil.incident.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "sla_period")
public class SlaPeriodEntity {

  @Id
  @Column(name = "period_id")
  public String periodId;

  @Column(name = "period_start", nullable = false)
  public Instant periodStart;

  @Column(name = "period_end", nullable = false)
  public Instant periodEnd;

  @Column(name = "computed_at", nullable = false)
  public Instant computedAt;
}
