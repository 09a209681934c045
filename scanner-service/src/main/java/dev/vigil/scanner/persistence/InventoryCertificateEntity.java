package dev.vigil.scanner.persistence;

import dev.vigil.events.Finding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One certificate of the inventory, identified by its SHA-256 fingerprint. */
@Entity
@Table(name = "inventory_certificate")
public class InventoryCertificateEntity {

  @Id public String sha256;

  @Column(name = "spki_sha256", nullable = false)
  public String spkiSha256;

  @Column(nullable = false)
  public String subject;

  @Column(nullable = false)
  public String issuer;

  @Column(name = "serial_number", nullable = false)
  public String serialNumber;

  @Column(name = "not_before", nullable = false)
  public Instant notBefore;

  @Column(name = "not_after", nullable = false)
  public Instant notAfter;

  @Column(name = "public_key_algorithm")
  public String publicKeyAlgorithm;

  @Column(name = "public_key_bits")
  public Integer publicKeyBits;

  @Column(name = "signature_algorithm")
  public String signatureAlgorithm;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "subject_alt_names", nullable = false)
  public List<String> subjectAltNames;

  @Column(name = "self_signed", nullable = false)
  public boolean selfSigned;

  @Column(name = "certificate_authority", nullable = false)
  public boolean certificateAuthority;

  @Column(name = "name_key", nullable = false)
  public String nameKey;

  @Column(name = "first_seen", nullable = false)
  public Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  public Instant lastSeen;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "finding_codes", nullable = false)
  public List<String> findingCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "cross_findings", nullable = false)
  public List<Finding> crossFindings;
}
