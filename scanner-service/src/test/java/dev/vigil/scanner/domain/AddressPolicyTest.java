package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

  @ParameterizedTest(name = "{0} allowed={1}")
  @CsvSource(
      textBlock =
          """
          127.0.0.1,                 true
          10.1.2.3,                  true
          93.184.216.34,             true
          169.254.169.254,           false
          169.254.0.1,               false
          100.100.100.200,           false
          0.0.0.0,                   false
          ::1,                       true
          fe80::1,                   false
          fd00:ec2::254,             false
          ::ffff:169.254.169.254,    false
          2001:db8::1,               true
          metadata.google.internal,  false
          METADATA.google.internal., false
          example.com,               true
          """)
  void defaultPolicyDeniesLinkLocalAndMetadataEndpoints(String host, boolean allowed) {
    assertThat(AddressPolicy.defaults().checkHost(host).isEmpty()).isEqualTo(allowed);
  }

  @Test
  void allowListRestrictsToItsNetworks() {
    AddressPolicy policy =
        new AddressPolicy(
            List.of(Cidr.parse("10.0.0.0/8")), List.of(Cidr.parse("10.9.0.0/16")), Set.of());
    assertThat(policy.checkHost("10.1.1.1")).isEmpty();
    assertThat(policy.checkHost("10.9.1.1"))
        .get()
        .asString()
        .contains("denied network 10.9.0.0/16");
    assertThat(policy.checkHost("192.168.1.1")).get().asString().contains("outside the allowed");
  }

  @ParameterizedTest(name = "{0} in {1} = {2}")
  @CsvSource(
      textBlock =
          """
          192.168.1.77,  192.168.1.0/24,  true
          192.168.2.77,  192.168.1.0/24,  false
          10.255.0.1,    10.254.0.0/15,   true
          10.253.0.1,    10.254.0.0/15,   false
          2001:db8::5,   2001:db8::/32,   true
          2001:db9::5,   2001:db8::/32,   false
          1.2.3.4,       0.0.0.0/0,       true
          1.2.3.4,       ::/0,            false
          """)
  void cidrMatchesByPrefix(String address, String cidr, boolean contained) {
    assertThat(Cidr.parse(cidr).contains(Cidr.parseAddress(address))).isEqualTo(contained);
  }

  @Test
  void malformedCidrIsRejected() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("nope/8")).isInstanceOf(IllegalArgumentException.class);
  }
}
