package dev.vigil.scanner.domain.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretReferenceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # name                              | reference                  | parsed
          environment variable               | env:KEYSTORE_PASSWORD      | env:KEYSTORE_PASSWORD
          file                               | file:/run/secrets/ks-pass  | file:/run/secrets/ks-pass
          relative file                      | file:secrets/pass          | file:secrets/pass
          env name with a space is refused   | env:NOT OK                 | none
          empty env name                     | env:                       | none
          empty file path                    | file:                      | none
          a password typed in by mistake     | hunter2                    | none
          unknown scheme                     | vault:secret/ks            | none
          """)
  void referenceIsEnvOrFileOnly(String name, String reference, String parsed) {
    assertThat(SecretReference.parse(reference).map(SecretReference::toString).orElse(null))
        .isEqualTo(parsed);
  }
}
