package dev.vigil.scanner.domain.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRulesTest {

  private static final PasswordRules RULES =
      new PasswordRules(
          Map.of(
              "*.p12", "env:ANY_P12",
              "/etc/tls/**.jks", "env:TLS_JKS",
              "/etc/tls/payments/*.jks", "env:PAYMENTS_JKS",
              "/etc/tls/exact/server.pfx", "file:/run/secrets/server",
              "/etc/tls/[broken", "env:BROKEN"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # name                                        | file                          | reference
          file-name pattern matches in any directory   | /srv/app/keystore.p12         | env:ANY_P12
          path glob with ** crosses directories        | /etc/tls/a/b/c/trust.jks      | env:TLS_JKS
          longer (more specific) pattern wins          | /etc/tls/payments/pay.jks     | env:PAYMENTS_JKS
          exact path wins over globs                   | /etc/tls/exact/server.pfx     | file:/run/secrets/server
          invalid glob still names its file exactly    | /etc/tls/[broken              | env:BROKEN
          nothing matches                              | /srv/app/trust.jks            | none
          a .pem is not a .p12                         | /srv/app/keystore.p12.pem     | none
          """)
  void ruleForAFileIsTheMostSpecificMatch(String name, String file, String reference) {
    assertThat(RULES.find(Path.of(file)).map(PasswordRules.Match::reference).orElse(null))
        .isEqualTo(reference);
  }
}
