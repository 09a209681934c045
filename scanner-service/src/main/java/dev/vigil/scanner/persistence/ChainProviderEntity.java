package dev.vigil.scanner.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A provider of a chain. {@code url} and {@code headers} may hold keys: never returned as is. */
@Entity
@Table(name = "chain_provider")
public class ChainProviderEntity {

  @Id public String id;

  @Column(name = "chain_id", nullable = false)
  public String chainId;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String family;

  @Column(nullable = false)
  public String url;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> headers;

  @Column(name = "interval_seconds")
  public Long intervalSeconds;

  @Column(name = "timeout_millis")
  public Long timeoutMillis;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, Long> thresholds;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> labels;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
