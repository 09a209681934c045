package dev.vigil.scanner.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.inventory.CertificateQuery.InvalidQueryException;
import dev.vigil.scanner.domain.inventory.CertificateQuery.LabelMatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateQueryTest {

  /** Parses one parameter by name, everything else absent. */
  private static CertificateQuery parse(String parameter, String value) {
    return CertificateQuery.parse(
        parameter.equals("expiringWithinDays") ? value : null,
        parameter.equals("finding") ? value : null,
        parameter.equals("issuer") ? value : null,
        parameter.equals("label") ? List.of(value) : null,
        parameter.equals("source") ? value : null,
        parameter.equals("inUse") ? value : null,
        parameter.equals("page") ? value : null,
        parameter.equals("size") ? value : null);
  }

  @Test
  void nothingGivenMeansFirstPageOfEverything() {
    CertificateQuery q = CertificateQuery.parse(null, null, null, null, null, null, null, null);

    assertThat(q).isEqualTo(new CertificateQuery(null, null, null, List.of(), null, null, 0, 50));
  }

  @Test
  void everyFilterIsKept() {
    CertificateQuery q =
        CertificateQuery.parse(
            "30",
            "EXPIRING_SOON",
            "Let's Encrypt",
            List.of("team:payments", "app.kubernetes.io/name:web"),
            "KUBERNETES_SECRET",
            "true",
            "2",
            "25");

    assertThat(q)
        .isEqualTo(
            new CertificateQuery(
                30,
                "EXPIRING_SOON",
                "Let's Encrypt",
                List.of(
                    new LabelMatch("team", "payments"),
                    new LabelMatch("app.kubernetes.io/name", "web")),
                "KUBERNETES_SECRET",
                true,
                2,
                25));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # parameter          | bad value
          expiringWithinDays   | soon
          expiringWithinDays   | -1
          expiringWithinDays   | 99999999999
          finding              | expiring soon
          finding              | lower_case
          issuer               | '   '
          label                | team
          label                | :payments
          label                | bad key!:x
          source               | TLS
          source               | file
          inUse                | yes
          page                 | -1
          page                 | one
          size                 | 0
          size                 | 501
          """)
  void badValueIsRefusedNamingItsParameter(String parameter, String value) {
    assertThatThrownBy(() -> parse(parameter, value))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly(parameter));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # parameter          | good edge value
          expiringWithinDays   | 0
          expiringWithinDays   | 36500
          source               | TLS_ENDPOINT
          source               | FILE
          source               | KUBERNETES_CONFIGMAP
          label                | team:
          label                | url:https://x.test
          page                 | 0
          size                 | 1
          size                 | 500
          inUse                | false
          """)
  void edgeValueIsAccepted(String parameter, String value) {
    assertThat(parse(parameter, value)).isNotNull();
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    assertThatThrownBy(
            () -> CertificateQuery.parse("x", null, null, List.of("nope"), null, null, "x", "0"))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly("expiringWithinDays", "label", "page", "size"));
  }
}
