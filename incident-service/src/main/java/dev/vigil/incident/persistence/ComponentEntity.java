package dev.vigil.incident.persistence;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.sla.ComponentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "component")
public class ComponentEntity {

  @Id public String id;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String description;

  @Column(nullable = false)
  public int position;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> match;

  /** Severity name to component status name. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> impact;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  void copyFrom(Component component, Instant now) {
    id = component.id();
    name = component.name();
    description = component.description();
    position = component.position();
    match = Map.copyOf(component.match());
    Map<String, String> byName = new LinkedHashMap<>();
    component.impact().forEach((severity, status) -> byName.put(severity.name(), status.name()));
    impact = byName;
    if (createdAt == null) {
      createdAt = now;
    }
    updatedAt = now;
  }

  Component toDomain() {
    Map<Severity, ComponentStatus> byEnum = new EnumMap<>(Severity.class);
    impact.forEach((s, c) -> byEnum.put(Severity.valueOf(s), ComponentStatus.valueOf(c)));
    return new Component(id, name, description, position, match, byEnum);
  }
}
