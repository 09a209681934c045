package dev.vigil.scanner.domain.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The names a certificate vouches for, reduced to one comparable key: the set of SANs (case and
 * order ignored, DNS names without a trailing dot), or the subject when there are no SANs. Two
 * certificates with the same key are interchangeable on a server, which is what "renewed" means.
 */
public final class CertificateNames {

  private static final HexFormat HEX = HexFormat.of();

  private CertificateNames() {}

  /** SHA-256 (hex) of the normalised name set; fixed length, so it can be indexed. */
  public static String key(String subject, List<String> subjectAltNames) {
    return sha256(canonical(subject, subjectAltNames));
  }

  static String canonical(String subject, List<String> subjectAltNames) {
    if (subjectAltNames == null || subjectAltNames.isEmpty()) {
      return "subject:" + subject;
    }
    return "san:"
        + subjectAltNames.stream()
            .map(CertificateNames::normalise)
            .distinct()
            .sorted()
            .collect(Collectors.joining(","));
  }

  private static String normalise(String san) {
    String n = san.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static String sha256(String value) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
