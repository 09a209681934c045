package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.tls.HostResolver;
import java.time.Duration;

/** Every hostile-peer case of {@link HostilePeerProbeTest}, on the JDK HttpClient. */
class JdkClientHostilePeerProbeTest extends HostilePeerProbeTest {

  @Override
  ProbeHttpClient newClient(AddressPolicy policy) {
    return ProbeHttpClient.jdk(policy, HostResolver.SYSTEM, CAP, Duration.ofSeconds(1));
  }
}
