package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.tls.HostResolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SSRF guard both probe clients share, before any byte is sent: only {@code http} and {@code
 * https}; the host as written, then every address it resolves to, against the scanner's {@link
 * AddressPolicy}. Also the URL handling both need (user info becomes Basic auth).
 */
final class AddressGuard {

  /** Either the addresses that passed the policy (in the resolver's order) or why not. */
  record Checked(List<InetAddress> addresses, HttpOutcome refused) {}

  private final AddressPolicy policy;
  private final HostResolver resolver;

  AddressGuard(AddressPolicy policy, HostResolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
  }

  Checked check(URI uri, long started) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
      return refused(
          HttpOutcome.failed(ProbeFailure.DENIED_BY_POLICY, "only http and https URLs", 0));
    }
    String bare = bareHost(uri);
    Optional<String> refused = policy.checkHost(bare);
    if (refused.isPresent()) {
      return refused(deny(refused.get(), started));
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      return refused(
          HttpOutcome.failed(
              ProbeFailure.UNREACHABLE, "host does not resolve", System.nanoTime() - started));
    }
    if (addresses.isEmpty()) {
      return refused(
          HttpOutcome.failed(
              ProbeFailure.UNREACHABLE, "host does not resolve", System.nanoTime() - started));
    }
    for (InetAddress address : addresses) {
      refused = policy.checkAddress(address.getAddress(), address.getHostAddress());
      if (refused.isPresent()) {
        // One denied address refuses the host: a name that also points inside is not probed.
        return refused(deny(refused.get(), started));
      }
    }
    return new Checked(addresses, null);
  }

  /** The host without IPv6 brackets. */
  static String bareHost(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static Checked refused(HttpOutcome outcome) {
    return new Checked(List.of(), outcome);
  }

  private static HttpOutcome deny(String reason, long started) {
    return HttpOutcome.failed(ProbeFailure.DENIED_BY_POLICY, reason, System.nanoTime() - started);
  }

  /** {@code http://user:password@host} (Bitcoin Core's usual form) as a Basic header. */
  static Map<String, String> withBasicAuth(Map<String, String> headers, String userInfo) {
    if (headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
      return headers;
    }
    Map<String, String> all = new HashMap<>(headers);
    all.put(
        "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    return all;
  }

  /** Rebuilt from the raw parts: the multi-argument URI constructors would re-quote any '%'. */
  static URI withoutUserInfo(URI uri) {
    String host = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
    return URI.create(
        uri.getScheme()
            + "://"
            + host
            + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }
}
