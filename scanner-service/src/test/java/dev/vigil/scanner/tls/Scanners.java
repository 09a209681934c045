package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import java.time.Duration;
import java.util.Map;

/** The scanner's TLS layer wired the way production wires it, with test timeouts. */
final class Scanners {

  static final Duration CONNECT = Duration.ofSeconds(2);
  static final Duration HANDSHAKE = Duration.ofSeconds(2);

  private Scanners() {}

  static EndpointConnector connector() {
    return new EndpointConnector(CONNECT, HANDSHAKE);
  }

  static JsseTlsChainFetcher fetcher() {
    return fetcher(HostResolver.SYSTEM);
  }

  static JsseTlsChainFetcher fetcher(HostResolver resolver) {
    return new JsseTlsChainFetcher(AddressPolicy.defaults(), resolver, connector());
  }

  /** With {@code client} making the first handshake ({@code vigil.scanner.tls-client}). */
  static JsseTlsChainFetcher fetcher(HandshakeClient client) {
    return new JsseTlsChainFetcher(
        AddressPolicy.defaults(), HostResolver.SYSTEM, connector(), client);
  }

  static ProtocolVersionProbe versionProbe() {
    return new ProtocolVersionProbe(connector());
  }

  static TargetSpec target(String host, int port) {
    return new TargetSpec(host, port, null, Map.of());
  }

  static TargetSpec target(String host, int port, StartTls starttls) {
    return new TargetSpec(host, port, "mail.vigil.test", Map.of(), starttls, false);
  }
}
