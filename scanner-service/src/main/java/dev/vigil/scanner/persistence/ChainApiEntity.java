package dev.vigil.scanner.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An HTTP API to probe. {@code url}, {@code body} and {@code headers} are never returned as is. */
@Entity
@Table(name = "chain_api")
public class ChainApiEntity {

  @Id public String id;

  @Column(nullable = false)
  public String name;

  @Column(name = "chain_id")
  public String chainId;

  @Column(nullable = false)
  public String url;

  @Column(nullable = false)
  public String method;

  public String body;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> headers;

  @Column(name = "expected_status", nullable = false)
  public int expectedStatus;

  @Column(name = "json_path")
  public String jsonPath;

  @Column(name = "expected_value")
  public String expectedValue;

  @Column(name = "max_latency_millis")
  public Long maxLatencyMillis;

  @Column(name = "interval_seconds")
  public Long intervalSeconds;

  @Column(name = "timeout_millis")
  public Long timeoutMillis;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> labels;

  @Column(name = "registered_by", nullable = false)
  public String registeredBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
