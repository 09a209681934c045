package dev.vigil.scanner.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One scan of one location: what the scan saw of that certificate there. */
@Entity
@Table(name = "inventory_scan")
public class InventoryScanEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "location_id", nullable = false)
  public long locationId;

  @Column(name = "certificate_sha256", nullable = false)
  public String certificateSha256;

  @Column(name = "target_id", nullable = false)
  public String targetId;

  @Column(name = "scan_id", nullable = false)
  public String scanId;

  @Column(name = "scanned_at", nullable = false)
  public Instant scannedAt;

  @Column(nullable = false)
  public String outcome;

  @Column(name = "unreachable_reason")
  public String unreachableReason;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<String> findings;
}
