package dev.vigil.alert;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.CertificateSummary;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.UnreachableReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code CertificateScanned} fixtures. */
public final class TestScans {

  public static final Instant SCANNED_AT = Instant.parse("2026-03-01T10:00:00Z");

  private TestScans() {}

  /** A completed scan of {@code host:443} whose leaf expires in {@code daysLeft} days. */
  public static CertificateScanned completed(String targetId, String host, long daysLeft) {
    return completed(targetId, host, daysLeft, Map.of("team", "payments", "env", "prod"));
  }

  public static CertificateScanned completed(
      String targetId, String host, long daysLeft, Map<String, String> labels) {
    Instant notAfter = SCANNED_AT.plus(Duration.ofDays(daysLeft)).plusSeconds(3600);
    CertificateSummary leaf =
        certificate(0, "CN=" + host, "CN=Vigil Test CA", "0a1b", notAfter, daysLeft);
    CertificateSummary ca =
        certificate(
            1,
            "CN=Vigil Test CA",
            "CN=Vigil Test CA",
            "01",
            SCANNED_AT.plus(Duration.ofDays(3650)),
            3650);
    return new CertificateScanned(
        "scan-" + targetId,
        targetId,
        ScanTarget.tlsEndpoint(host, 443, null, "127.0.0.1"),
        labels,
        SCANNED_AT,
        ScanOutcome.COMPLETED,
        null,
        null,
        "TLSv1.3",
        List.of(leaf, ca),
        notAfter,
        daysLeft,
        List.of());
  }

  public static CertificateScanned unreachable(String targetId, String host) {
    return new CertificateScanned(
        "scan-" + targetId,
        targetId,
        ScanTarget.tlsEndpoint(host, 443, null, null),
        Map.of("team", "payments"),
        SCANNED_AT,
        ScanOutcome.UNREACHABLE,
        UnreachableReason.TIMEOUT,
        "connect timed out",
        null,
        List.of(),
        null,
        null,
        List.of());
  }

  public static CertificateSummary certificate(
      int position, String subject, String issuer, String serial, Instant notAfter, long days) {
    return new CertificateSummary(
        position,
        subject,
        issuer,
        serial,
        SCANNED_AT.minus(Duration.ofDays(60)),
        notAfter,
        days,
        "ff".repeat(32),
        "ee".repeat(32),
        "EC",
        256,
        "SHA256withECDSA",
        List.of(subject.replace("CN=", "")),
        position > 0,
        position > 0);
  }
}
