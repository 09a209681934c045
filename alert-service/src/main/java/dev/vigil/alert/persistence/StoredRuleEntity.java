package dev.vigil.alert.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A rule created through the REST API; {@code definition} is its YAML (or JSON) text. */
@Entity
@Table(name = "alert_rule")
public class StoredRuleEntity {

  @Id public String name;

  @Column(nullable = false)
  public String definition;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;
}
