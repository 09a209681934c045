package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetSpecTest {

  private static final AddressPolicy POLICY = AddressPolicy.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          plain host name        | example.com          | 443   |             |
          IPv4 literal           | 192.0.2.10           | 8443  |             |
          IPv6 literal           | 2001:db8::10         | 443   |             |
          bracketed IPv6         | [2001:db8::10]       | 443   |             |
          SNI differs from host  | 192.0.2.10           | 443   | api.example.com |
          underscore in host     | bad_host.example.com | 443   |             | host
          trailing hyphen label  | bad-.example.com     | 443   |             | host
          malformed IPv4         | 300.1.1.1            | 443   |             | host
          malformed IPv6         | 2001:db8:::1         | 443   |             | host
          port zero              | example.com          | 0     |             | port
          port too high          | example.com          | 65536 |             | port
          SNI is an IP           | example.com          | 443   | 10.0.0.1    | serverName
          metadata IP            | 169.254.169.254      | 80    |             | host
          """)
  void specIsValidatedFieldByField(
      String name, String host, int port, String serverName, String badField) {
    var violations = new TargetSpec(host, port, serverName, Map.of()).violations(POLICY);
    if (badField == null) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).extracting(FieldViolation::field).containsExactly(badField);
    }
  }

  @Test
  void labelsAreValidatedByName() {
    Map<String, String> labels = new HashMap<>();
    labels.put("team", "payments");
    labels.put("bad-name", "x");
    labels.put("empty", null);
    assertThat(new TargetSpec("example.com", 443, null, labels).violations(POLICY))
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder("labels.bad-name", "labels.empty");
  }

  @Test
  void sniDefaultsToTheHostNameButNotToAnIp() {
    assertThat(new TargetSpec("example.com", 443, null, null).effectiveServerName())
        .isEqualTo("example.com");
    assertThat(new TargetSpec("192.0.2.1", 443, null, null).effectiveServerName()).isNull();
    assertThat(new TargetSpec("192.0.2.1", 443, "api.example.com", null).effectiveServerName())
        .isEqualTo("api.example.com");
  }
}
