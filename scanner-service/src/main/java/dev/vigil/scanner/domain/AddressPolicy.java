package dev.vigil.scanner.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses the scanner may connect to. Deny wins over allow; an empty allow list allows
 * everything not denied. Cloud metadata endpoints and link-local ranges are denied by default, so a
 * registered target cannot turn the scanner into an SSRF probe of its own cloud account.
 */
public final class AddressPolicy {

  /** Denied unless the operator replaces the deny list. */
  public static final List<String> DEFAULT_DENIED_NETWORKS =
      List.of(
          "0.0.0.0/8", // "this network"
          "169.254.0.0/16", // IPv4 link-local, incl. AWS/GCP/Azure metadata 169.254.169.254
          "100.100.100.200/32", // Alibaba Cloud metadata
          "fe80::/10", // IPv6 link-local
          "fd00:ec2::254/128", // AWS IMDS over IPv6
          "::/128");

  public static final Set<String> DEFAULT_DENIED_HOSTS =
      Set.of("metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal");

  private final List<Cidr> allowed;
  private final List<Cidr> denied;
  private final Set<String> deniedHosts;

  public AddressPolicy(List<Cidr> allowed, List<Cidr> denied, Set<String> deniedHosts) {
    this.allowed = List.copyOf(allowed);
    this.denied = List.copyOf(denied);
    this.deniedHosts =
        deniedHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  public static AddressPolicy defaults() {
    return new AddressPolicy(
        List.of(),
        DEFAULT_DENIED_NETWORKS.stream().map(Cidr::parse).toList(),
        DEFAULT_DENIED_HOSTS);
  }

  /** Why a configured host name or IP literal is refused, before any DNS lookup. */
  public Optional<String> checkHost(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (deniedHosts.contains(name)) {
      return Optional.of("host " + host + " is on the scanner's deny list");
    }
    byte[] literal = Cidr.parseAddress(host);
    return literal == null ? Optional.empty() : checkAddress(literal, host);
  }

  /** Why a resolved address is refused, if it is. */
  public Optional<String> checkAddress(byte[] address, String display) {
    for (Cidr cidr : denied) {
      if (cidr.contains(address)) {
        return Optional.of("address " + display + " is in denied network " + cidr);
      }
    }
    if (!allowed.isEmpty() && allowed.stream().noneMatch(c -> c.contains(address))) {
      return Optional.of("address " + display + " is outside the allowed networks");
    }
    return Optional.empty();
  }
}
