package dev.vigil.scanner.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A chain watched through its providers. */
@Entity
@Table(name = "chain")
public class ChainEntity {

  @Id public String id;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String family;

  @Column(name = "expected_chain_id", nullable = false)
  public String expectedChainId;

  @Column(name = "block_time_millis", nullable = false)
  public long blockTimeMillis;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> labels;

  /** Threshold overrides by field name of {@code ThresholdOverrides}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, Long> thresholds;

  @Column(name = "registered_by", nullable = false)
  public String registeredBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
