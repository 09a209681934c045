package dev.vigil.scanner.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.scanner.persistence.InventoryCertificateEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One inventory certificate as the API shows it. Everything read from the certificate is there even
 * when it fails validation: an untrusted certificate still has an expiry date.
 *
 * @param daysLeft whole days from now to {@code notAfter}; negative once expired
 * @param inUse whether the latest scan of at least one of its places still saw it
 * @param sources the kinds of place it was seen at ({@code TLS_ENDPOINT}, {@code FILE}, ...)
 * @param locationCount how many places it was seen at, current or not
 * @param findings codes of its current findings, cross-checks included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateView(
    String sha256,
    String spkiSha256,
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    long daysLeft,
    String publicKeyAlgorithm,
    Integer publicKeyBits,
    String signatureAlgorithm,
    List<String> subjectAltNames,
    boolean selfSigned,
    boolean certificateAuthority,
    Instant firstSeen,
    Instant lastSeen,
    boolean inUse,
    List<String> sources,
    int locationCount,
    List<String> findings) {

  static CertificateView of(
      InventoryCertificateEntity c, Instant now, boolean inUse, List<String> sources, int count) {
    long daysLeft = Math.floorDiv(Duration.between(now, c.notAfter).getSeconds(), 86_400L);
    return new CertificateView(
        c.sha256,
        c.spkiSha256,
        c.subject,
        c.issuer,
        c.serialNumber,
        c.notBefore,
        c.notAfter,
        daysLeft,
        c.publicKeyAlgorithm,
        c.publicKeyBits,
        c.signatureAlgorithm,
        c.subjectAltNames,
        c.selfSigned,
        c.certificateAuthority,
        c.firstSeen,
        c.lastSeen,
        inUse,
        sources,
        count,
        c.findingCodes);
  }
}
