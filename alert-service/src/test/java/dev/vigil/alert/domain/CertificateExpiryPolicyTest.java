package dev.vigil.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vigil.alert.TestScans;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateExpiryPolicyTest {

  private final CertificateExpiryPolicy policy =
      new CertificateExpiryPolicy(ExpiryThresholds.DEFAULT);

  static Stream<Arguments> outcomes() {
    return Stream.of(
        Arguments.of(
            "90 days left: healthy",
            90L,
            null,
            "Certificate for api.example.com:443 expires in 90 days"),
        Arguments.of(
            "20 days left: warning",
            20L,
            Severity.WARNING,
            "Certificate for api.example.com:443 expires in 20 days"),
        Arguments.of(
            "5 days left: critical",
            5L,
            Severity.CRITICAL,
            "Certificate for api.example.com:443 expires in 5 days"),
        Arguments.of(
            "1 day left: singular",
            1L,
            Severity.CRITICAL,
            "Certificate for api.example.com:443 expires in 1 day"),
        Arguments.of(
            "0 days left: expires today",
            0L,
            Severity.CRITICAL,
            "Certificate for api.example.com:443 expires today"),
        Arguments.of(
            "expired 3 days ago: critical",
            -3L,
            Severity.CRITICAL,
            "Certificate for api.example.com:443 expired 3 days ago"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void judgesDaysLeft(String name, long daysLeft, Severity severity, String summary) {
    Evaluation evaluation =
        policy.evaluate(TestScans.completed("t-1", "api.example.com", daysLeft));

    assertThat(evaluation.noData()).isFalse();
    assertThat(evaluation.desiredSeverity()).isEqualTo(severity);
    assertThat(evaluation.detail()).isEqualTo(summary);
    assertThat(evaluation.alertName()).isEqualTo("CertificateExpiring");
    assertThat(evaluation.targetId()).isEqualTo("t-1");
    evaluation
        .firing()
        .ifPresent(a -> assertThat(a.annotations()).containsEntry("summary", summary));
  }

  @Test
  void unreachableTargetGivesNoDataInsteadOfHealthy() {
    Evaluation evaluation = policy.evaluate(TestScans.unreachable("t-1", "api.example.com"));

    assertThat(evaluation.noData()).isTrue();
    assertThat(evaluation.firing()).isEmpty();
    assertThat(evaluation.detail()).contains("api.example.com:443").contains("TIMEOUT");
  }

  @Test
  void firingAlertCarriesIdentifyingLabelsAndTargetLabels() {
    AlertCandidate alert =
        policy.evaluate(TestScans.completed("t-1", "api.example.com", 5)).firing().orElseThrow();

    assertThat(alert.labels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "alertname", "CertificateExpiring",
                "target_id", "t-1",
                "host", "api.example.com",
                "port", "443",
                "team", "payments",
                "env", "prod"));
    assertThat(alert.value()).isEqualTo(5.0);
    assertThat(alert.annotations()).containsEntry("value", "5");
    assertThat(alert.fingerprint()).isEqualTo(Fingerprint.of(alert.labels()));
  }

  @Test
  void reservedLabelsWinOverTargetLabels() {
    Map<String, String> sneaky =
        Map.of(
            "alertname", "Other",
            "target_id", "t-other",
            "host", "evil.example.com",
            "server_name", "evil.example.com",
            "team", "payments");
    AlertCandidate alert =
        policy
            .evaluate(TestScans.completed("t-1", "api.example.com", 5, sneaky))
            .firing()
            .orElseThrow();

    assertThat(alert.labels())
        .containsEntry("alertname", "CertificateExpiring")
        .containsEntry("target_id", "t-1")
        .containsEntry("host", "api.example.com")
        .containsEntry("team", "payments")
        // the target sets no SNI name of its own, and a label must not supply one
        .doesNotContainKey("server_name");
  }

  @Test
  void serverNameIsALabelWhenTheTargetSetsOne() {
    CertificateScanned base = TestScans.completed("t-1", "10.0.0.7", 5);
    CertificateScanned scan =
        withTarget(base, ScanTarget.tlsEndpoint("10.0.0.7", 8443, "api.example.com", null));

    AlertCandidate alert = policy.evaluate(scan).firing().orElseThrow();

    assertThat(alert.labels())
        .containsEntry("server_name", "api.example.com")
        .containsEntry("port", "8443");
  }

  @Test
  void severityIsNotPartOfTheIdentity() {
    AlertCandidate warning =
        policy.evaluate(TestScans.completed("t-1", "api.example.com", 20)).firing().orElseThrow();
    AlertCandidate critical =
        policy.evaluate(TestScans.completed("t-1", "api.example.com", 3)).firing().orElseThrow();

    assertThat(warning.severity()).isNotEqualTo(critical.severity());
    assertThat(warning.fingerprint()).isEqualTo(critical.fingerprint());
  }

  @Test
  void descriptionNamesTheCertificateThatExpiresFirst() {
    Instant soon = TestScans.SCANNED_AT.plusSeconds(86_400 * 3);
    Instant later = TestScans.SCANNED_AT.plusSeconds(86_400 * 300);
    CertificateScanned base = TestScans.completed("t-1", "api.example.com", 3);
    CertificateScanned scan =
        withChain(
            base,
            List.of(
                TestScans.certificate(0, "CN=api.example.com", "CN=Intermediate", "aa", later, 300),
                TestScans.certificate(1, "CN=Intermediate", "CN=Root", "bb", soon, 3)));

    String description =
        policy.evaluate(scan).firing().orElseThrow().annotations().get("description");

    assertThat(description)
        .contains("Subject: CN=Intermediate")
        .contains("issuer: CN=Root")
        .contains("notAfter: " + soon)
        .contains("serial: bb");
  }

  @Test
  void completedScanWithoutDaysLeftIsRejected() {
    CertificateScanned base = TestScans.completed("t-1", "api.example.com", 3);
    CertificateScanned scan =
        new CertificateScanned(
            base.scanId(),
            base.targetId(),
            base.target(),
            base.labels(),
            base.scannedAt(),
            ScanOutcome.COMPLETED,
            null,
            null,
            null,
            base.chain(),
            null,
            null,
            List.of());

    assertThatIllegalArgumentException().isThrownBy(() -> policy.evaluate(scan));
  }

  @Test
  void thresholdsComeFromConfiguration() {
    CertificateExpiryPolicy strict = new CertificateExpiryPolicy(new ExpiryThresholds(60, 30));

    assertThat(strict.evaluate(TestScans.completed("t-1", "a", 45)).desiredSeverity())
        .isEqualTo(Severity.WARNING);
    assertThat(strict.evaluate(TestScans.completed("t-1", "a", 20)).desiredSeverity())
        .isEqualTo(Severity.CRITICAL);
  }

  static Stream<Arguments> locations() {
    return Stream.of(
        Arguments.of(
            "TLS endpoint",
            ScanTarget.tlsEndpoint("api.example.com", 443, null, null),
            "api.example.com:443"),
        Arguments.of(
            "file",
            new ScanTarget("FILE", null, null, null, null, "/etc/tls/api.pem", null, null),
            "/etc/tls/api.pem"),
        Arguments.of(
            "Kubernetes secret",
            new ScanTarget(
                "KUBERNETES_SECRET", null, null, null, null, null, "payments", "api-tls"),
            "payments/api-tls"),
        Arguments.of("no target details", null, "t-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("locations")
  void summaryNamesWhereTheCertificateWasRead(String name, ScanTarget target, String where) {
    CertificateScanned scan = withTarget(TestScans.completed("t-1", "ignored", 5), target);

    AlertCandidate alert = policy.evaluate(scan).firing().orElseThrow();

    assertThat(alert.annotations().get("summary"))
        .isEqualTo("Certificate for " + where + " expires in 5 days");
    if (target == null || target.host() == null) {
      assertThat(alert.labels()).doesNotContainKeys("host", "port");
    }
  }

  private static CertificateScanned withTarget(CertificateScanned s, ScanTarget target) {
    return new CertificateScanned(
        s.scanId(),
        s.targetId(),
        target,
        s.labels(),
        s.scannedAt(),
        s.outcome(),
        s.unreachableReason(),
        s.detail(),
        s.protocol(),
        s.chain(),
        s.earliestNotAfter(),
        s.daysLeft(),
        s.findings());
  }

  private static CertificateScanned withChain(
      CertificateScanned s, List<dev.vigil.events.CertificateSummary> chain) {
    return new CertificateScanned(
        s.scanId(),
        s.targetId(),
        s.target(),
        s.labels(),
        s.scannedAt(),
        s.outcome(),
        s.unreachableReason(),
        s.detail(),
        s.protocol(),
        chain,
        s.earliestNotAfter(),
        s.daysLeft(),
        s.findings());
  }
}
