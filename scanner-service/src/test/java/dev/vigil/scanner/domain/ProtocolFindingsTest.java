package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolFindingsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          modern only             | TLSv1.2,TLSv1.3               |
          TLS 1.3 only            | TLSv1.3                       |
          nothing accepted        |                               |
          TLS 1.0 among others    | TLSv1,TLSv1.2,TLSv1.3         | TLSv1
          TLS 1.1 only            | TLSv1.1                       | TLSv1.1
          both legacy versions    | TLSv1,TLSv1.1,TLSv1.2,TLSv1.3 | TLSv1,TLSv1.1
          """)
  void outdatedVersionsAreAWarningWithTheFullListAsEvidence(
      String name, String accepted, String outdated) {
    List<String> versions = accepted == null ? List.of() : Arrays.asList(accepted.split(","));

    Optional<Finding> finding = ProtocolFindings.outdatedProtocol(versions);

    if (outdated == null) {
      assertThat(finding).isEmpty();
      return;
    }
    assertThat(finding).isPresent();
    assertThat(finding.get().code()).isEqualTo(ProtocolFindings.OUTDATED_PROTOCOL);
    assertThat(finding.get().severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.get().certificatePosition()).isNull();
    assertThat(finding.get().evidence())
        .containsEntry("acceptedProtocols", accepted)
        .containsEntry("outdatedProtocols", outdated);
  }

  @ParameterizedTest(name = "{0} served, {1} analysed")
  @CsvSource({"50, 20, true", "20, 20, false", "2, 2, false"})
  void chainCutAtTheMaximumIsReported(int served, int analysed, boolean reported) {
    Optional<Finding> finding = ProtocolFindings.chainTooLong(served, analysed);

    assertThat(finding.isPresent()).isEqualTo(reported);
    finding.ifPresent(
        f ->
            assertThat(f.evidence())
                .containsEntry("servedCertificates", Integer.toString(served))
                .containsEntry("analysedCertificates", Integer.toString(analysed)));
  }
}
