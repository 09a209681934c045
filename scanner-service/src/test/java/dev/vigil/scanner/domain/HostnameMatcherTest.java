package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # case                                  | expected name       | SANs (space separated)                 | CN              | matched by
          exact DNS SAN                            | api.example.com     | DNS:api.example.com                     | -               | DNS:api.example.com
          case-insensitive                         | API.Example.COM     | DNS:api.example.com                     | -               | DNS:api.example.com
          trailing dot ignored                     | api.example.com.    | DNS:api.example.com                     | -               | DNS:api.example.com
          second SAN matches                       | www.example.com     | DNS:api.example.com DNS:www.example.com | -               | DNS:www.example.com
          wildcard covers one label                | api.example.com     | DNS:*.example.com                       | -               | DNS:*.example.com
          wildcard does not cover the apex         | example.com         | DNS:*.example.com                       | -               | -
          wildcard does not cover two labels       | a.b.example.com     | DNS:*.example.com                       | -               | -
          wildcard only as complete left label     | api.example.com     | DNS:a*.example.com                      | -               | -
          wildcard not in an inner label           | api.example.com     | DNS:api.*.com                           | -               | -
          no wildcard over a top-level domain      | example.com         | DNS:*.com                               | -               | -
          wildcard over a two-label suffix allowed | shop.example.co     | DNS:*.example.co                        | -               | DNS:*.example.co
          IDN A-label compared as written          | xn--bcher-kva.example | DNS:xn--bcher-kva.example             | -               | DNS:xn--bcher-kva.example
          wildcard covers an A-label               | xn--bcher-kva.example.com | DNS:*.example.com                 | -               | DNS:*.example.com
          other name                               | api.example.com     | DNS:www.example.com                     | -               | -
          CN used when there is no DNS SAN         | api.example.com     | -                                       | api.example.com | CN:api.example.com
          CN ignored beside a DNS SAN              | api.example.com     | DNS:www.example.com                     | api.example.com | -
          CN used beside only IP SANs              | api.example.com     | IP:10.0.0.1                             | api.example.com | CN:api.example.com
          no names at all                          | api.example.com     | -                                       | -               | -
          IPv4 matches an IP SAN                   | 127.0.0.1           | DNS:localhost IP:127.0.0.1              | -               | IP:127.0.0.1
          IPv4 never matches a DNS SAN             | 127.0.0.1           | DNS:127.0.0.1                           | -               | -
          IPv4 never matches the CN                | 127.0.0.1           | -                                       | 127.0.0.1       | -
          IPv6 compared as bytes                   | ::1                 | IP:0:0:0:0:0:0:0:1                      | -               | IP:0:0:0:0:0:0:0:1
          bracketed IPv6                           | [::1]               | IP:0:0:0:0:0:0:0:1                      | -               | IP:0:0:0:0:0:0:0:1
          other IP                                 | 127.0.0.2           | IP:127.0.0.1                            | -               | -
          """)
  void namesAreMatchedTheWayClientsMatchThem(
      String name, String expected, String sans, String cn, String matchedBy) {
    List<String> subjectAltNames = sans == null ? List.of() : Arrays.asList(sans.split(" "));
    assertThat(HostnameMatcher.match(expected, subjectAltNames, cn).orElse(null))
        .isEqualTo(matchedBy);
  }
}
