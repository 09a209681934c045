package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.tls.bctls.BcTlsHandshake;
import dev.vigil.scanner.tls.legacy.LegacyTlsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Reads served chains on one or every address of a target, after the target's STARTTLS dialogue if
 * it has one. The first handshake is BouncyCastle's TLS client by default ({@link HandshakeClient};
 * the class keeps its older name). When that handshake fails, the JDK's stack tries with everything
 * it offers, and when the JDK refuses too (an endpoint that only speaks TLS 1.0, a chain longer
 * than the JDK accepts) BouncyCastle's legacy client reads the chain, so such an endpoint is
 * reported with its findings rather than as unreachable.
 */
@ApplicationScoped
public class JsseTlsChainFetcher implements TlsChainFetcher {

  /** Addresses scanned per target at most: each costs a handshake on a worker. */
  static final int MAX_ADDRESSES = 16;

  private final AddressPolicy policy;
  private final HostResolver resolver;
  private final EndpointConnector connector;
  private final HandshakeClient client;

  @Inject
  public JsseTlsChainFetcher(AddressPolicy policy, ScannerConfig config, HostResolver resolver) {
    this(policy, resolver, new EndpointConnector(config), config.tlsClient());
  }

  /** With the default first client, BouncyCastle's. */
  public JsseTlsChainFetcher(
      AddressPolicy policy, HostResolver resolver, EndpointConnector connector) {
    this(policy, resolver, connector, HandshakeClient.BOUNCYCASTLE);
  }

  public JsseTlsChainFetcher(
      AddressPolicy policy,
      HostResolver resolver,
      EndpointConnector connector,
      HandshakeClient client) {
    this.policy = policy;
    this.resolver = resolver;
    this.connector = connector;
    this.client = client;
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
      return firstHandshake(target, address, shown, sni);
    } catch (ScanFailure first) {
      if (first.reason() != UnreachableReason.HANDSHAKE_FAILURE) {
        return FetchedChain.failed(first.reason(), shown, first.getMessage());
      }
    }
    try {
      // A server the first client could not complete with: every group and suite the JDK offers.
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

  /** The cheap handshake that reads almost every endpoint; see {@link HandshakeClient}. */
  private FetchedChain firstHandshake(
      TargetSpec target, InetAddress address, String shown, String sni) throws ScanFailure {
    if (client == HandshakeClient.BOUNCYCASTLE) {
      BcTlsHandshake.Served served =
          connector.connect(
              address,
              target,
              plain -> BcTlsHandshake.handshake(plain, sni, BcTlsHandshake.MODERN));
      return FetchedChain.served(
          served.certificates(), served.protocol(), shown, served.stapledOcsp());
    }
    // One X25519 key share instead of the JDK's X25519 plus P-256.
    JsseHandshake.Served served =
        connector.connect(
            address,
            target,
            plain -> JsseHandshake.handshake(plain, sni, target.port(), KeyShareGroups.XDH_ONLY));
    return FetchedChain.served(
        served.certificates(), served.protocol(), shown, served.stapledOcsp());
  }
}
