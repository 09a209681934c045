package dev.vigil.scanner.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a configured host into the addresses to connect to. A seam, so tests need no DNS. */
@FunctionalInterface
public interface HostResolver {

  /** The system resolver (DNS, /etc/hosts); IP literals resolve to themselves. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /**
   * @return at least one address, in the resolver's order
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
