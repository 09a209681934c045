package dev.vigil.scanner.domain;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import dev.vigil.scanner.domain.ChainVerification.Anchor;
import dev.vigil.scanner.domain.ChainVerification.Trust;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** WEAK_KEY, WEAK_SIGNATURE and LONG_VALIDITY. */
final class StrengthCheck {

  static final int MIN_RSA_BITS = 2048;
  static final int MIN_EC_BITS = 256;
  static final long MAX_PUBLIC_LEAF_DAYS = 398;

  /** From this date Apple, Chrome and Mozilla refuse longer public leaf certificates. */
  static final Instant VALIDITY_LIMIT_ENFORCED = Instant.parse("2020-09-01T00:00:00Z");

  private StrengthCheck() {}

  static void check(List<CertificateFacts> chain, ChainVerification v, List<Finding> out) {
    for (int position = 0; position < chain.size(); position++) {
      CertificateFacts cert = chain.get(position);
      weakKey(position, cert).ifPresent(out::add);
      if (!isAnchorOrSelfSigned(position, cert, v)) {
        weakSignature(position, cert).ifPresent(out::add);
      }
    }
    longValidity(chain.get(0), v).ifPresent(out::add);
  }

  /** A trust anchor's own signature is never checked by clients, so its algorithm is moot. */
  private static boolean isAnchorOrSelfSigned(
      int position, CertificateFacts cert, ChainVerification v) {
    return cert.selfSigned()
        || (v != null && v.anchor() != null && v.anchor().servedPosition() == position);
  }

  static Optional<Finding> weakKey(int position, CertificateFacts cert) {
    String algorithm =
        cert.publicKeyAlgorithm() == null ? "" : cert.publicKeyAlgorithm().toUpperCase(Locale.ROOT);
    Integer bits = cert.publicKeyBits();
    String why = null;
    if (algorithm.startsWith("RSA") && bits != null && bits < MIN_RSA_BITS) {
      why = "an RSA key of " + bits + " bits (minimum " + MIN_RSA_BITS + ")";
    } else if ((algorithm.equals("EC") || algorithm.equals("ECDSA"))
        && bits != null
        && bits < MIN_EC_BITS) {
      why = "an EC key of " + bits + " bits (minimum " + MIN_EC_BITS + ")";
    } else if (algorithm.equals("DSA")) {
      why = "a DSA key (DSA is no longer accepted for TLS certificates)";
    }
    if (why == null) {
      return Optional.empty();
    }
    Map<String, String> evidence = new HashMap<>();
    evidence.put("publicKeyAlgorithm", cert.publicKeyAlgorithm());
    evidence.put("publicKeyBits", String.valueOf(bits));
    return Optional.of(
        new Finding(
            FindingCodes.WEAK_KEY,
            Severity.WARNING,
            position,
            Checks.who(position, cert) + " has " + why,
            evidence));
  }

  static Optional<Finding> weakSignature(int position, CertificateFacts cert) {
    String algorithm =
        cert.signatureAlgorithm() == null ? "" : cert.signatureAlgorithm().toUpperCase(Locale.ROOT);
    String hash = null;
    if (algorithm.contains("MD5") || algorithm.contains("MD2")) {
      hash = "MD5";
    } else if (algorithm.startsWith("SHA1") || algorithm.contains("SHA-1")) {
      hash = "SHA-1";
    }
    if (hash == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            FindingCodes.WEAK_SIGNATURE,
            Severity.WARNING,
            position,
            Checks.who(position, cert) + " is signed with " + cert.signatureAlgorithm(),
            Map.of("signatureAlgorithm", cert.signatureAlgorithm(), "hash", hash)));
  }

  private static Optional<Finding> longValidity(CertificateFacts leaf, ChainVerification v) {
    if (v == null || v.trust() != Trust.TRUSTED) {
      return Optional.empty();
    }
    Anchor anchor = v.anchor();
    if (anchor == null || !anchor.publicRoot() || leaf.certificateAuthority()) {
      return Optional.empty();
    }
    long seconds = Duration.between(leaf.notBefore(), leaf.notAfter()).getSeconds();
    long days = seconds / 86_400;
    if (seconds <= MAX_PUBLIC_LEAF_DAYS * 86_400) {
      return Optional.empty();
    }
    boolean enforced = !leaf.notBefore().isBefore(VALIDITY_LIMIT_ENFORCED);
    return Optional.of(
        new Finding(
            FindingCodes.LONG_VALIDITY,
            enforced ? Severity.WARNING : Severity.INFO,
            0,
            "the publicly trusted leaf certificate is valid for "
                + days
                + " days, over the "
                + MAX_PUBLIC_LEAF_DAYS
                + "-day limit"
                + (enforced ? " that browsers enforce" : ""),
            Map.of(
                "validityDays", Long.toString(days),
                "maxValidityDays", Long.toString(MAX_PUBLIC_LEAF_DAYS),
                "anchor", anchor.subject())));
  }
}
