package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What Vigil read from one certificate of a chain. Always filled, even when the certificate fails
 * validation: an untrusted certificate still has an expiry date.
 *
 * @param position index in the chain as served (0 = leaf)
 * @param subject RFC 4514 subject DN
 * @param issuer RFC 4514 issuer DN
 * @param serialNumber serial number, lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param daysLeft whole days from scan time to {@code notAfter}; negative once expired
 * @param sha256Fingerprint SHA-256 of the DER encoding, lower-case hex
 * @param spkiSha256 SHA-256 of the SubjectPublicKeyInfo, lower-case hex: the key's identity
 * @param publicKeyAlgorithm e.g. {@code RSA}, {@code EC}
 * @param publicKeyBits key size in bits
 * @param signatureAlgorithm e.g. {@code SHA256withRSA}
 * @param subjectAltNames DNS names and IP addresses of the SAN extension
 * @param selfSigned issuer equals subject and the signature verifies with its own key
 * @param certificateAuthority basicConstraints CA flag
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateSummary(
    int position,
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    long daysLeft,
    String sha256Fingerprint,
    String spkiSha256,
    String publicKeyAlgorithm,
    Integer publicKeyBits,
    String signatureAlgorithm,
    List<String> subjectAltNames,
    boolean selfSigned,
    boolean certificateAuthority) {

  public CertificateSummary {
    subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
  }
}
