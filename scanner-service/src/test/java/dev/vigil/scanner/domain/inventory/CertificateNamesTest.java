package dev.vigil.scanner.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateNamesTest {

  private static List<String> sans(String spaceSeparated) {
    return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.split(" "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # name                                  | subject A     | SANs A                           | subject B    | SANs B                         | same
          same SANs, other order                 | CN=a          | DNS:a.test DNS:b.test            | CN=a         | DNS:b.test DNS:a.test          | true
          SAN case and trailing dot ignored      | CN=a          | DNS:A.Test.                      | CN=a         | DNS:a.test                     | true
          duplicate SAN ignored                  | CN=a          | DNS:a.test DNS:a.test            | CN=a         | DNS:a.test                     | true
          SANs decide, subject does not          | CN=old name   | DNS:a.test                       | CN=new name  | DNS:a.test                     | true
          one more SAN is another name set       | CN=a          | DNS:a.test                       | CN=a         | DNS:a.test DNS:www.a.test      | false
          no SANs: subject decides               | CN=root,O=x   |                                  | CN=root,O=x  |                                | true
          no SANs, other subject                 | CN=root,O=x   |                                  | CN=root,O=y  |                                | false
          SANs versus none                       | CN=a.test     | DNS:a.test                       | CN=a.test    |                                | false
          """)
  void nameKeyIgnoresOrderCaseAndDuplicates(
      String name, String subjectA, String sansA, String subjectB, String sansB, boolean same) {
    assertThat(
            CertificateNames.key(subjectA, sans(sansA))
                .equals(CertificateNames.key(subjectB, sans(sansB))))
        .isEqualTo(same);
  }
}
