package dev.vigil.scanner.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Does a certificate identify the name a client asked for? RFC 6125 as browsers apply it:
 *
 * <ul>
 *   <li>DNS names compare case-insensitively, ignoring one trailing dot; IDNs compare as A-labels
 *       ({@code xn--...}) exactly as written, without Unicode mapping;
 *   <li>a wildcard is only the complete left-most label ({@code *.example.com}) and stands for
 *       exactly one non-empty label, so it matches neither {@code example.com} nor {@code
 *       a.b.example.com}; partial wildcards ({@code f*.example.com}) match nothing;
 *   <li>a wildcard needs at least two labels after it: {@code *.com} matches nothing. Without a
 *       public suffix list, {@code *.co.uk} is still accepted (a known limitation);
 *   <li>the subject CN is consulted only when the certificate has no DNS subjectAltName (CAs must
 *       put every name in the SAN, and a CN beside DNS SANs is ignored by clients);
 *   <li>an IP address matches only an IP subjectAltName, byte for byte (never the CN).
 * </ul>
 */
public final class HostnameMatcher {

  private HostnameMatcher() {}

  /**
   * The identifier that matched {@code expected} ({@code DNS:...}, {@code IP:...} or {@code
   * CN:...}), or empty when none does.
   */
  public static Optional<String> match(
      String expected, List<String> subjectAltNames, String commonName) {
    byte[] address = HostNames.isIpLiteral(expected) ? Cidr.parseAddress(expected) : null;
    if (address != null) {
      return subjectAltNames.stream()
          .filter(san -> san.startsWith("IP:"))
          .filter(san -> Arrays.equals(address, Cidr.parseAddress(san.substring(3))))
          .findFirst();
    }
    String name = normalise(expected);
    List<String> dnsNames = subjectAltNames.stream().filter(san -> san.startsWith("DNS:")).toList();
    if (dnsNames.isEmpty()) {
      return commonName != null && matches(commonName, name)
          ? Optional.of("CN:" + commonName)
          : Optional.empty();
    }
    return dnsNames.stream().filter(san -> matches(san.substring(4), name)).findFirst();
  }

  /** Whether the presented identifier {@code pattern} (possibly a wildcard) covers {@code name}. */
  static boolean matches(String pattern, String name) {
    String p = normalise(pattern);
    if (p.isEmpty() || name.isEmpty()) {
      return false;
    }
    if (p.indexOf('*') < 0) {
      return p.equals(name);
    }
    if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
      return false;
    }
    String suffix = p.substring(1); // ".example.com"
    if (suffix.chars().filter(c -> c == '.').count() < 2) {
      return false; // "*.com": a wildcard over a top-level domain
    }
    int firstDot = name.indexOf('.');
    return firstDot > 0 && name.substring(firstDot).equals(suffix);
  }

  private static String normalise(String dnsName) {
    String n = dnsName.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
