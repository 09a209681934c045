package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.tls.legacy.LegacyTlsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Reads served chains with the JDK's TLS stack, on one or every address of a target, after the
 * target's STARTTLS dialogue if it has one. When the JDK refuses the handshake (an endpoint that
 * only speaks TLS 1.0, a chain longer than the JDK accepts) BouncyCastle's TLS client reads the
 * chain instead, so such an endpoint is reported with its findings rather than as unreachable.
 */
@ApplicationScoped
public class JsseTlsChainFetcher implements TlsChainFetcher {

  /** Addresses scanned per target at most: each costs a handshake on a worker. */
  static final int MAX_ADDRESSES = 16;

  private final AddressPolicy policy;
  private final HostResolver resolver;
  private final EndpointConnector connector;

  @Inject
  public JsseTlsChainFetcher(AddressPolicy policy, ScannerConfig config, HostResolver resolver) {
    this(policy, resolver, new EndpointConnector(config));
  }

  public JsseTlsChainFetcher(
      AddressPolicy policy, HostResolver resolver, EndpointConnector connector) {
    this.policy = policy;
    this.resolver = resolver;
    this.connector = connector;
  }

  @Override
  public FetchedChain fetch(TargetSpec target) {
    return scan(target, false).get(0);
  }

  @Override
  public List<FetchedChain> fetchEach(TargetSpec target) {
    return scan(target, target.allAddresses());
  }

  private List<FetchedChain> scan(TargetSpec target, boolean everyAddress) {
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(target.host()).stream().distinct().toList();
    } catch (UnknownHostException e) {
      return List.of(
          FetchedChain.failed(UnreachableReason.DNS, null, "cannot resolve " + target.host()));
    }
    if (addresses.isEmpty()) {
      return List.of(
          FetchedChain.failed(UnreachableReason.DNS, null, target.host() + " has no address"));
    }
    int count = everyAddress ? Math.min(addresses.size(), MAX_ADDRESSES) : 1;
    return addresses.subList(0, count).stream().map(a -> fetchFrom(target, a)).toList();
  }

  private FetchedChain fetchFrom(TargetSpec target, InetAddress address) {
    String shown = address.getHostAddress();
    Optional<String> refused = policy.checkAddress(address.getAddress(), shown);
    if (refused.isPresent()) {
      return FetchedChain.failed(UnreachableReason.DENIED_BY_POLICY, shown, refused.get());
    }
    String sni = target.effectiveServerName();
    try {
      // Cheap first: one X25519 key share instead of the JDK's X25519 plus P-256.
      JsseHandshake.Served served =
          connector.connect(
              address,
              target,
              plain -> JsseHandshake.handshake(plain, sni, target.port(), KeyShareGroups.XDH_ONLY));
      return FetchedChain.served(served.certificates(), served.protocol(), shown);
    } catch (ScanFailure xdh) {
      if (xdh.reason() != UnreachableReason.HANDSHAKE_FAILURE) {
        return FetchedChain.failed(xdh.reason(), shown, xdh.getMessage());
      }
    }
    try {
      // A server without X25519/X448 (NIST curves only, say): every group the JDK offers.
      JsseHandshake.Served served =
          connector.connect(
              address, target, plain -> JsseHandshake.handshake(plain, sni, target.port()));
      return FetchedChain.served(
          served.certificates(), served.protocol(), shown, served.stapledOcsp());
    } catch (ScanFailure jdk) {
      if (jdk.reason() != UnreachableReason.HANDSHAKE_FAILURE) {
        return FetchedChain.failed(jdk.reason(), shown, jdk.getMessage());
      }
      try {
        LegacyTlsClient.Handshake read =
            connector.connect(
                address,
                target,
                plain -> LegacyTlsClient.handshake(plain, LegacyTlsClient.VERSIONS, sni));
        return FetchedChain.served(read.certificates(), read.protocol(), shown);
      } catch (ScanFailure ignored) {
        // BouncyCastle could not either: the JDK's reason is the one to report.
        return FetchedChain.failed(jdk.reason(), shown, jdk.getMessage());
      }
    }
  }
}
