package dev.vigil.scanner.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the crypto layer read from one certificate; the analysis works on these facts only, so it
 * needs no crypto library and is tested with plain values.
 *
 * @param subjectAltNames {@code DNS:name} and {@code IP:address} entries of the SAN extension
 * @param selfSigned issuer equals subject and the signature verifies with the certificate's own key
 * @param commonName the subject's CN (the last one when there are several), or null
 * @param caIssuersUrls Authority Information Access caIssuers URLs, where the issuer can be fetched
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
    boolean certificateAuthority,
    String commonName,
    List<String> caIssuersUrls) {

  public CertificateFacts {
    subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
    caIssuersUrls = caIssuersUrls == null ? List.of() : List.copyOf(caIssuersUrls);
  }

  /** The facts of the first issue's decoder: no CN and no AIA URLs. */
  public CertificateFacts(
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
    this(
        subject,
        issuer,
        serialNumber,
        notBefore,
        notAfter,
        sha256Fingerprint,
        spkiSha256,
        publicKeyAlgorithm,
        publicKeyBits,
        signatureAlgorithm,
        subjectAltNames,
        selfSigned,
        certificateAuthority,
        null,
        List.of());
  }
}
