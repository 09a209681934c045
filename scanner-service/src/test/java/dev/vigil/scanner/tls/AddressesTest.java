package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which addresses a target is scanned on, and the name sent to them. */
class AddressesTest {

  private static final TestPki PKI = TestPki.create("Addresses test CA");

  private static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal); // literals only: no DNS
  }

  @Test
  void ipv6LiteralIsScanned() throws Exception {
    KeyMaterial material = PKI.issueExpiringIn("localhost", 30);
    try (LocalTlsEndpoint v6 = LocalTlsEndpoint.start(material, address("::1"), 0)) {
      FetchedChain chain = Scanners.fetcher().fetch(Scanners.target("[::1]", v6.port()));

      assertThat(chain.failure()).as(chain.detail()).isNull();
      assertThat(chain.address()).isEqualTo("0:0:0:0:0:0:0:1");
      assertThat(chain.certificates().get(0)).isEqualTo(material.leaf().getEncoded());
    }
  }

  @Test
  void everyAddressOfANameIsScannedSoOneBadNodeShows() throws Exception {
    KeyMaterial healthy = PKI.issueExpiringIn("lb.vigil.test", 60);
    KeyMaterial expired = PKI.issueExpiringIn("lb.vigil.test", -3);
    try (LocalTlsEndpoint a = LocalTlsEndpoint.start(healthy, address("127.0.0.1"), 0);
        LocalTlsEndpoint b = LocalTlsEndpoint.start(expired, address("::1"), a.port())) {
      HostResolver dns = host -> List.of(address("127.0.0.1"), address("::1"));
      TargetSpec everyAddress =
          new TargetSpec("lb.vigil.test", a.port(), null, Map.of(), StartTls.NONE, true);

      List<FetchedChain> chains = Scanners.fetcher(dns).fetchEach(everyAddress);

      assertThat(chains)
          .extracting(FetchedChain::address)
          .containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
      assertThat(chains.get(0).certificates().get(0)).isEqualTo(healthy.leaf().getEncoded());
      assertThat(chains.get(1).certificates().get(0)).isEqualTo(expired.leaf().getEncoded());
    }
  }

  @Test
  void withoutAllAddressesOnlyTheFirstIsScanned() throws Exception {
    try (LocalTlsEndpoint a =
        LocalTlsEndpoint.start(PKI.issueExpiringIn("lb.vigil.test", 60), address("127.0.0.1"), 0)) {
      HostResolver dns = host -> List.of(address("127.0.0.1"), address("::1"));

      List<FetchedChain> chains =
          Scanners.fetcher(dns).fetchEach(Scanners.target("lb.vigil.test", a.port()));

      assertThat(chains).extracting(FetchedChain::address).containsExactly("127.0.0.1");
    }
  }
}
