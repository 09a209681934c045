package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainAnalyzerTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final ChainAnalyzer ANALYZER =
      new ChainAnalyzer(Clock.fixed(NOW, ZoneOffset.UTC), ExpiryThresholds.DEFAULT);

  static CertificateFacts cert(String cn, Instant notBefore, Instant notAfter) {
    return new CertificateFacts(
        "CN=" + cn,
        "CN=CA",
        "1f",
        notBefore,
        notAfter,
        "aa",
        "bb",
        "EC",
        256,
        "SHA256withECDSA",
        List.of("DNS:" + cn),
        false,
        false);
  }

  static CertificateFacts leafExpiringAfter(Duration d) {
    return cert("leaf", NOW.minus(Duration.ofDays(60)), NOW.plus(d));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # name,                      hours until notAfter, daysLeft, finding,        severity
          healthy for months,           2400,                100,      ,
          exactly at warning threshold, 672,                 28,       ,
          just under warning,           671,                 27,       EXPIRING_SOON,  WARNING
          just at critical threshold,   336,                 14,       EXPIRING_SOON,  WARNING
          just under critical,          335,                 13,       EXPIRING_SOON,  CRITICAL
          five days left,               120,                 5,        EXPIRING_SOON,  CRITICAL
          expires in an hour,           1,                   0,        EXPIRING_SOON,  CRITICAL
          expired an hour ago,          -1,                  -1,       EXPIRED,        CRITICAL
          expired ten days ago,         -240,                -10,      EXPIRED,        CRITICAL
          """)
  void expiryIsJudgedAgainstThresholds(
      String name, long hours, long daysLeft, String code, Severity severity) {
    ChainAnalysis analysis = ANALYZER.analyze(List.of(leafExpiringAfter(Duration.ofHours(hours))));

    assertThat(analysis.daysLeft()).isEqualTo(daysLeft);
    assertThat(analysis.chain().get(0).daysLeft()).isEqualTo(daysLeft);
    if (code == null) {
      assertThat(analysis.findings()).isEmpty();
    } else {
      assertThat(analysis.findings()).extracting(Finding::code).containsExactly(code);
      assertThat(analysis.findings().get(0).severity()).isEqualTo(severity);
      assertThat(analysis.findings().get(0).certificatePosition()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
          # name,                                   lifetime days, days left, renew at %, finding, severity, used %
          90-day cert at 60% of its lifetime,        90,            36,        67,         -,               -,        60
          90-day cert just past two thirds,          90,            29,        67,         EXPIRING_SOON,   WARNING,  67
          two-thirds rule off: days rule only,       90,            29,        -,          -,               -,        -
          365-day cert at 70% is due at 67%,         365,           109,       67,         EXPIRING_SOON,   WARNING,  70
          days rule still makes it critical,         90,            10,        67,         EXPIRING_SOON,   CRITICAL, 88
          """)
  void pastAShareOfItsLifetimeACertificateIsDueForRenewal(
      String name,
      long lifetimeDays,
      long daysLeft,
      Integer percent,
      String code,
      Severity severity,
      String usedPercent) {
    ChainAnalyzer analyzer =
        new ChainAnalyzer(Clock.fixed(NOW, ZoneOffset.UTC), new ExpiryThresholds(28, 14, percent));
    Instant notAfter = NOW.plus(Duration.ofDays(daysLeft)).plus(Duration.ofHours(1));
    CertificateFacts cert = cert("leaf", notAfter.minus(Duration.ofDays(lifetimeDays)), notAfter);

    List<Finding> findings = analyzer.analyze(List.of(cert)).findings();

    if (code == null) {
      assertThat(findings).isEmpty();
    } else {
      assertThat(findings).singleElement().extracting(Finding::code).isEqualTo(code);
      assertThat(findings.get(0).severity()).isEqualTo(severity);
      assertThat(findings.get(0).evidence()).containsEntry("lifetimeUsedPercent", usedPercent);
    }
  }

  @Test
  void labelsChooseTheThresholds() {
    ExpiryPolicy policy =
        ExpiryPolicy.labelRules(
            List.of(new ExpiryRule(Map.of("env", "prod"), new ExpiryThresholds(60, 30))),
            ExpiryThresholds.DEFAULT);
    ChainAnalyzer analyzer = new ChainAnalyzer(Clock.fixed(NOW, ZoneOffset.UTC), policy);
    CertificateFacts leaf = leafExpiringAfter(Duration.ofDays(40));
    TargetSpec prod = new TargetSpec("leaf", 443, null, Map.of("env", "prod"));
    TargetSpec dev = new TargetSpec("leaf", 443, null, Map.of("env", "dev"));

    assertThat(analyzer.analyze(prod, List.of(leaf), null).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("EXPIRING_SOON");
              assertThat(f.evidence()).containsEntry("warningDays", "60");
            });
    assertThat(analyzer.analyze(dev, List.of(leaf), null).findings()).isEmpty();
  }

  @Test
  void expiringIntermediateDrivesTheChainsDaysLeft() {
    CertificateFacts leaf = leafExpiringAfter(Duration.ofDays(200));
    CertificateFacts intermediate =
        cert("intermediate", NOW.minus(Duration.ofDays(900)), NOW.plus(Duration.ofDays(3)));

    ChainAnalysis analysis = ANALYZER.analyze(List.of(leaf, intermediate));

    assertThat(analysis.daysLeft()).isEqualTo(3);
    assertThat(analysis.earliestNotAfter()).isEqualTo(intermediate.notAfter());
    assertThat(analysis.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("EXPIRING_SOON");
              assertThat(f.certificatePosition()).isEqualTo(1);
            });
  }

  @Test
  void certificateNotYetValidIsFlagged() {
    CertificateFacts future =
        cert("future", NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(92)));
    assertThat(ANALYZER.analyze(List.of(future)).findings())
        .extracting(Finding::code)
        .containsExactly("NOT_YET_VALID");
  }

  @Test
  void expiredCertificateKeepsItsExpiryDateAndIdentity() {
    CertificateFacts expired = leafExpiringAfter(Duration.ofDays(-30));
    var summary = ANALYZER.analyze(List.of(expired)).chain().get(0);
    assertThat(summary.notAfter()).isEqualTo(expired.notAfter());
    assertThat(summary.serialNumber()).isEqualTo("1f");
    assertThat(summary.sha256Fingerprint()).isEqualTo("aa");
    assertThat(summary.subject()).isEqualTo("CN=leaf");
  }

  @Test
  void findingEvidenceCarriesTheFigures() {
    Finding finding =
        ANALYZER.analyze(List.of(leafExpiringAfter(Duration.ofHours(120)))).findings().get(0);
    assertThat(finding.evidence()).containsEntry("daysLeft", "5").containsKey("notAfter");
  }

  @Test
  void emptyChainIsRejected() {
    assertThatThrownBy(() -> ANALYZER.analyze(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thresholdsMustBeOrdered() {
    assertThatThrownBy(() -> new ExpiryThresholds(10, 14))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
