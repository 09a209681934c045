package dev.vigil.scanner.domain;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Findings about how an endpoint speaks TLS, as opposed to what its certificates say. */
public final class ProtocolFindings {

  /** The endpoint still accepts a TLS version that is deprecated (RFC 8996). */
  public static final String OUTDATED_PROTOCOL = "OUTDATED_PROTOCOL";

  /** The endpoint served more certificates than Vigil analyses. */
  public static final String CHAIN_TOO_LONG = "CHAIN_TOO_LONG";

  /** RFC 8996 deprecates TLS 1.0 and 1.1 (and SSL before them). */
  private static final Set<String> OUTDATED = Set.of("SSLv3", "TLSv1", "TLSv1.1");

  private ProtocolFindings() {}

  /**
   * A warning when any accepted version is outdated.
   *
   * @param acceptedProtocols JSSE names ({@code TLSv1}, {@code TLSv1.1}, ...), oldest first
   */
  public static Optional<Finding> outdatedProtocol(List<String> acceptedProtocols) {
    List<String> outdated = acceptedProtocols.stream().filter(OUTDATED::contains).toList();
    if (outdated.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            OUTDATED_PROTOCOL,
            Severity.WARNING,
            null,
            "the endpoint still accepts " + String.join(" and ", outdated) + " (RFC 8996)",
            Map.of(
                "acceptedProtocols", String.join(",", acceptedProtocols),
                "outdatedProtocols", String.join(",", outdated))));
  }

  /**
   * A warning when the endpoint served more certificates than were analysed. Common TLS clients
   * (the JDK among them) refuse chains longer than 10, so this is an outage for some of them.
   */
  public static Optional<Finding> chainTooLong(int served, int analysed) {
    if (served <= analysed) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            CHAIN_TOO_LONG,
            Severity.WARNING,
            null,
            "the endpoint served "
                + served
                + " certificates; only the first "
                + analysed
                + " were analysed",
            Map.of(
                "servedCertificates", Integer.toString(served),
                "analysedCertificates", Integer.toString(analysed))));
  }
}
