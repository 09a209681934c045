package dev.vigil.scanner.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One place a certificate was seen: a certificate at a target (endpoint, file, object). */
@Entity
@Table(name = "inventory_location")
public class InventoryLocationEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "certificate_sha256", nullable = false)
  public String certificateSha256;

  @Column(name = "target_id", nullable = false)
  public String targetId;

  @Column(nullable = false)
  public String kind;

  public String host;

  public Integer port;

  @Column(name = "server_name")
  public String serverName;

  public String address;

  public String path;

  public String namespace;

  public String name;

  @Column(name = "chain_position", nullable = false)
  public int chainPosition;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, String> labels;

  @Column(nullable = false)
  public boolean current;

  @Column(name = "first_seen", nullable = false)
  public Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  public Instant lastSeen;

  @Column(name = "last_scan_id", nullable = false)
  public String lastScanId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "last_findings", nullable = false)
  public List<String> lastFindings;
}
