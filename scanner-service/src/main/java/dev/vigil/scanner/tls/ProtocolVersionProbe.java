package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.tls.bctls.BcTlsHandshake;
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
 * go through the configured client ({@link HandshakeClient}: BouncyCastle's by default, or the
 * JDK's); TLS 1.0 and 1.1 through BouncyCastle's legacy client, since the JDK refuses to offer
 * them. Costs one handshake per version not already known, each bounded by the scan timeouts.
 */
@ApplicationScoped
public class ProtocolVersionProbe {

  private static final Set<String> MODERN_VERSIONS = Set.of("TLSv1.2", "TLSv1.3");

  private final EndpointConnector connector;
  private final HandshakeClient client;

  @Inject
  public ProtocolVersionProbe(ScannerConfig config) {
    this(new EndpointConnector(config), config.tlsClient());
  }

  /** With the default client for TLS 1.2 and 1.3, BouncyCastle's. */
  public ProtocolVersionProbe(EndpointConnector connector) {
    this(connector, HandshakeClient.BOUNCYCASTLE);
  }

  /**
   * @param client the client offering TLS 1.2 or 1.3 alone ({@code JDK} or {@code BOUNCYCASTLE})
   */
  public ProtocolVersionProbe(EndpointConnector connector, HandshakeClient client) {
    this.connector = connector;
    this.client = client;
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
    if (!MODERN_VERSIONS.contains(version)) {
      return completes(
          target,
          address,
          version,
          plain -> LegacyTlsClient.handshake(plain, List.of(version), sni).protocol());
    }
    if (client == HandshakeClient.BOUNCYCASTLE) {
      try {
        // null: the version itself was refused, which settles it.
        String negotiated =
            connector.connect(
                address, target, plain -> BcTlsHandshake.negotiatedOrRefused(plain, sni, version));
        return version.equals(negotiated);
      } catch (ScanFailure e) {
        if (e.reason() != UnreachableReason.HANDSHAKE_FAILURE) {
          return false;
        }
        // Failed for another reason than the version (a suite or key BouncyCastle lacks): the
        // JDK decides, as it did before BouncyCastle's client was the default.
      }
    }
    return completes(
        target,
        address,
        version,
        plain -> JsseHandshake.handshake(plain, sni, target.port(), version).protocol());
  }

  private boolean completes(
      TargetSpec target,
      InetAddress address,
      String version,
      EndpointConnector.TlsStep<String> handshake) {
    try {
      return version.equals(connector.connect(address, target, handshake));
    } catch (ScanFailure e) {
      return false;
    }
  }
}
