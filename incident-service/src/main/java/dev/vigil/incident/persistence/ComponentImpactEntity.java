package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.incident.domain.sla.Impact;
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

@Entity
@Table(name = "component_impact")
public class ComponentImpactEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "incident_id", nullable = false)
  public UUID incidentId;

  @Column(name = "component_id", nullable = false)
  public String componentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ComponentStatus status;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  static ComponentImpactEntity open(
      UUID incidentId, String componentId, ComponentStatus status, Instant at) {
    ComponentImpactEntity e = new ComponentImpactEntity();
    e.incidentId = incidentId;
    e.componentId = componentId;
    e.status = status;
    e.startedAt = at;
    return e;
  }

  Impact toDomain() {
    return new Impact(incidentId.toString(), status, startedAt, endedAt);
  }
}
