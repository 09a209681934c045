package dev.vigil.scanner.domain;

import java.time.Instant;

/**
 * What one revocation source said about one certificate, as plain facts. The crypto layer fills it
 * in only after checking the signature and that the answer is about this certificate; whether the
 * answer is fresh enough to count is decided by {@link RevocationCheck}.
 *
 * @param source where the answer came from
 * @param host the responder's or CRL server's host name, or null (a stapled response has none)
 * @param status what the source said, or {@link Status#FAILED} when it said nothing usable
 * @param why why the answer is not usable ({@link Status#FAILED}), else null
 * @param detail a human explanation of a failure, or null
 * @param thisUpdate when the answer was known correct (OCSP thisUpdate, CRL thisUpdate)
 * @param nextUpdate when newer information will be available, or null when the source gave none
 * @param revokedAt when the certificate was revoked ({@link Status#REVOKED})
 * @param reason the revocation reason as RFC 5280 names it, e.g. {@code keyCompromise}
 */
public record RevocationAnswer(
    Source source,
    String host,
    Status status,
    Why why,
    String detail,
    Instant thisUpdate,
    Instant nextUpdate,
    Instant revokedAt,
    String reason) {

  public static RevocationAnswer good(
      Source source, String host, Instant thisUpdate, Instant nextUpdate) {
    return new RevocationAnswer(
        source, host, Status.GOOD, null, null, thisUpdate, nextUpdate, null, null);
  }

  public static RevocationAnswer revoked(
      Source source,
      String host,
      Instant thisUpdate,
      Instant nextUpdate,
      Instant revokedAt,
      String reason) {
    return new RevocationAnswer(
        source, host, Status.REVOKED, null, null, thisUpdate, nextUpdate, revokedAt, reason);
  }

  /** The responder does not know the certificate (OCSP {@code unknown}). */
  public static RevocationAnswer unknown(
      Source source, String host, Instant thisUpdate, Instant nextUpdate) {
    return new RevocationAnswer(
        source, host, Status.UNKNOWN, null, null, thisUpdate, nextUpdate, null, null);
  }

  public static RevocationAnswer failed(Source source, String host, Why why, String detail) {
    return new RevocationAnswer(source, host, Status.FAILED, why, detail, null, null, null, null);
  }

  /** Where a revocation answer came from; {@link #label()} is the evidence value. */
  public enum Source {
    STAPLED_OCSP("stapled-ocsp"),
    OCSP("ocsp"),
    CRL("crl");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What a source said. */
  public enum Status {
    GOOD,
    REVOKED,
    /** OCSP {@code unknown}: the responder does not know this certificate. */
    UNKNOWN,
    /** Nothing usable: see {@link Why}. */
    FAILED
  }

  /** Why a source gave no usable answer. Stable: the value of the {@code why} evidence. */
  public enum Why {
    /** The URL is not {@code http://} (e.g. an LDAP CRL distribution point). */
    UNSUPPORTED_URL,
    /** The address policy (SSRF guard) refused the host or its address. */
    DENIED_BY_POLICY,
    /** The host name does not resolve. */
    DNS,
    /** Connection refused or reset, no route. */
    UNREACHABLE,
    TIMEOUT,
    /** An HTTP status other than 200. */
    HTTP_ERROR,
    /** Larger than the configured cap. */
    TOO_LARGE,
    /** Not HTTP, not an OCSP response or not a CRL. */
    MALFORMED,
    /** OCSP responseStatus malformedRequest. */
    MALFORMED_REQUEST,
    /** OCSP responseStatus internalError. */
    INTERNAL_ERROR,
    /** OCSP responseStatus tryLater. */
    TRY_LATER,
    /** OCSP responseStatus sigRequired. */
    SIG_REQUIRED,
    /** OCSP responseStatus unauthorized: the responder will not answer for this CA. */
    UNAUTHORIZED,
    /** Signed by neither the issuer nor a responder the issuer delegated to (id-kp-OCSPSigning). */
    BAD_SIGNATURE,
    /**
     * The response or CRL is about other certificates (certID, CRL issuer) or the nonce differs.
     */
    WRONG_CERTIFICATE,
    /** The answer is out of date (nextUpdate passed) or dated in the future. */
    STALE,
    /** OCSP {@code unknown}. */
    UNKNOWN_CERTIFICATE,
    /** The issuer is neither served nor a trust anchor, so no request can be built or verified. */
    NO_ISSUER
  }
}
