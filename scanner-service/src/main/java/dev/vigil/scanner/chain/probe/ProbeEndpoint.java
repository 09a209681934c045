package dev.vigil.scanner.chain.probe;

import java.net.URI;
import java.util.Locale;

/**
 * Where connections go and what they are pooled by: scheme, host and port (not the path, not the
 * credentials: those travel per request).
 *
 * @param tls {@code https}
 * @param host the host as written, without IPv6 brackets, lower case (SNI and certificate name)
 * @param port the port, the scheme's default when the URL has none
 * @param hostHeader the {@code Host} header value: host as written (brackets kept) and explicit
 *     port
 */
record ProbeEndpoint(boolean tls, String host, int port, String hostHeader) {

  static ProbeEndpoint of(URI uri) {
    boolean tls = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
    String host = AddressGuard.bareHost(uri).toLowerCase(Locale.ROOT);
    String header = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    return new ProbeEndpoint(tls, host, port, header);
  }

  /** An IP literal gets no SNI (RFC 6066 allows host names only). */
  boolean hostIsLiteral() {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }
}
