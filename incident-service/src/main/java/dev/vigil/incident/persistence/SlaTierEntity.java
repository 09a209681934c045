package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.sla.CreditStep;
import dev.vigil.incident.domain.sla.SlaTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "sla_tier")
public class SlaTierEntity {

  @Id public String tier;

  @Column(name = "target_percent", nullable = false)
  public BigDecimal targetPercent;

  /** [{"belowPercent": 99.9, "creditPercent": 10}, ...] */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<Map<String, Double>> credits;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<String> components;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  void copyFrom(SlaTier t, Instant now) {
    tier = t.tier();
    targetPercent = BigDecimal.valueOf(t.targetPercent());
    credits =
        t.credits().stream()
            .map(c -> Map.of("belowPercent", c.belowPercent(), "creditPercent", c.creditPercent()))
            .toList();
    components = t.components();
    updatedAt = now;
  }

  SlaTier toDomain() {
    return new SlaTier(
        tier,
        targetPercent.doubleValue(),
        credits.stream()
            .map(m -> new CreditStep(m.get("belowPercent"), m.get("creditPercent")))
            .toList(),
        components);
  }
}
