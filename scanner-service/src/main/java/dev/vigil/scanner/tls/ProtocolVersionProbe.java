package dev.vigil.scanner.tls;

import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.tls.legacy.LegacyTlsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Learns which TLS versions an endpoint still accepts by offering each one alone. TLS 1.2 and 1.3
 * go through the JDK; TLS 1.0 and 1.1 through BouncyCastle, since the JDK refuses to offer them.
 * Costs one handshake per version not already known, each bounded by the scan timeouts.
 */
@ApplicationScoped
public class ProtocolVersionProbe {

  private static final Set<String> JDK_VERSIONS = Set.of("TLSv1.2", "TLSv1.3");

  private final EndpointConnector connector;

  @Inject
  public ProtocolVersionProbe(ScannerConfig config) {
    this(new EndpointConnector(config));
  }

  public ProtocolVersionProbe(EndpointConnector connector) {
    this.connector = connector;
  }

  /**
   * @param served a completed fetch: its address is probed and its protocol counts as accepted
   * @return JDK names of the accepted versions, oldest first
   */
  public List<String> acceptedProtocols(TargetSpec target, FetchedChain served) {
    InetAddress address;
    try {
      address = InetAddress.getByName(served.address()); // an IP literal: no DNS lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + served.address(), e);
    }
    List<String> accepted = new ArrayList<>();
    for (String version : LegacyTlsClient.VERSIONS) {
      if (version.equals(served.protocol()) || accepts(target, address, version)) {
        accepted.add(version);
      }
    }
    return accepted;
  }

  /** Whether one handshake offering only {@code version} completes. */
  public boolean accepts(TargetSpec target, InetAddress address, String version) {
    String sni = target.effectiveServerName();
    try {
      String negotiated =
          JDK_VERSIONS.contains(version)
              ? connector.connect(
                  address,
                  target,
                  plain -> JsseHandshake.handshake(plain, sni, target.port(), version).protocol())
              : connector.connect(
                  address,
                  target,
                  plain -> LegacyTlsClient.handshake(plain, List.of(version), sni).protocol());
      return version.equals(negotiated);
    } catch (ScanFailure e) {
      return false;
    }
  }
}
