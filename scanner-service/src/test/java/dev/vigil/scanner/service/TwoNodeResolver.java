package dev.vigil.scanner.service;

import dev.vigil.scanner.tls.HostResolver;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Test DNS: any name under {@code two-nodes.vigil.test} has two addresses, 127.0.0.1 and ::1, like
 * a name with two nodes behind it. Every other name goes to the system resolver. Replaces the
 * default resolver in every {@code @QuarkusTest} of this module.
 */
@Singleton
public class TwoNodeResolver implements HostResolver {

  static final String DOMAIN = ".two-nodes.vigil.test";

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    if (host.endsWith(DOMAIN)) {
      return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    }
    return HostResolver.SYSTEM.resolve(host);
  }
}
