package dev.vigil.scanner.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the crypto layer read from one certificate; the analysis works on these facts only, so it
 * needs no crypto library and is tested with plain values.
 */
public record CertificateFacts(
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    String sha256Fingerprint,
    String spkiSha256,
    String publicKeyAlgorithm,
    Integer publicKeyBits,
    String signatureAlgorithm,
    List<String> subjectAltNames,
    boolean selfSigned,
    boolean certificateAuthority) {

  public CertificateFacts {
    subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
  }
}
