package dev.vigil.scanner.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered TLS endpoint and the outcome of its latest scan. */
@Entity
@Table(name = "scan_target")
public class TargetEntity {

  @Id public String id;

  @Column(nullable = false)
  public String host;

  @Column(nullable = false)
  public int port;

  @Column(name = "server_name")
  public String serverName;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> labels;

  /** A {@code domain.StartTls} name; {@code NONE} for TLS from the first byte. */
  @Column(nullable = false)
  public String starttls = "NONE";

  @Column(name = "all_addresses", nullable = false)
  public boolean allAddresses;

  /** The target's own expiry thresholds; null ones come from label rules or defaults. */
  @Column(name = "warning_days")
  public Integer warningDays;

  @Column(name = "critical_days")
  public Integer criticalDays;

  @Column(name = "lifetime_percent")
  public Integer lifetimePercent;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "interval_seconds")
  public Long intervalSeconds;

  @Column(name = "registered_by", nullable = false)
  public String registeredBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "last_scan_id")
  public String lastScanId;

  @Column(name = "last_scanned_at")
  public Instant lastScannedAt;

  @Column(name = "last_outcome")
  public String lastOutcome;

  @Column(name = "last_unreachable_reason")
  public String lastUnreachableReason;

  @Column(name = "last_detail")
  public String lastDetail;

  @Column(name = "last_protocol")
  public String lastProtocol;

  @Column(name = "last_earliest_not_after")
  public Instant lastEarliestNotAfter;

  @Column(name = "last_days_left")
  public Long lastDaysLeft;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "last_findings", nullable = false)
  public List<String> lastFindings;
}
