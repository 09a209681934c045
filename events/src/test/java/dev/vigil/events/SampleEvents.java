package dev.vigil.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sample payloads for contract tests: a full one per event type (every field set, every collection
 * non-empty) and a minimal one (only what the schema requires, {@code null} elsewhere).
 */
final class SampleEvents {

  private static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123456789Z");
  private static final Instant T1 = Instant.parse("2025-03-01T09:00:00Z");
  private static final String INCIDENT_ID = "6f1c2b9e-8a4d-4f3e-9c1a-2b7d5e0f4a11";
  private static final String FINGERPRINT = "5d41402abc4b2a76";
  private static final String SHA256 =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private SampleEvents() {}

  /** Every field set. The switch has no default, so a new {@link EventType} must add a sample. */
  static Record full(EventType type) {
    return switch (type) {
      case SCAN_TARGET_REGISTERED -> scanTargetRegistered();
      case SCAN_TARGET_RETIRED -> scanTargetRetired();
      case CERTIFICATE_SCANNED -> certificateScanned();
      case CHAIN_HEALTH_OBSERVED -> chainHealthObserved();
      case CHAIN_REGISTERED -> chainRegistered();
      case API_REGISTERED -> apiRegistered();
      case PROVIDER_RANKING_CHANGED -> providerRankingChanged();
      case ALERT_FIRED -> alertFired();
      case ALERT_RESOLVED -> alertResolved();
      case RISK_CONTROL_CHANGED -> riskControlChanged();
      case INCIDENT_OPENED -> incidentOpened();
      case INCIDENT_UPDATED -> incidentUpdated();
      case INCIDENT_RESOLVED -> incidentResolved();
      case INCIDENT_ESCALATED -> incidentEscalated();
      case SERVICE_CREDITS_COMPUTED -> serviceCreditsComputed();
    };
  }

  /** Only the fields the schema requires; everything optional is {@code null}. */
  static Record minimal(EventType type) {
    return switch (type) {
      case SCAN_TARGET_REGISTERED -> minimalScanTargetRegistered();
      case SCAN_TARGET_RETIRED -> minimalScanTargetRetired();
      case CERTIFICATE_SCANNED -> minimalCertificateScanned();
      case CHAIN_HEALTH_OBSERVED -> minimalChainHealthObserved();
      case CHAIN_REGISTERED -> minimalChainRegistered();
      case API_REGISTERED -> minimalApiRegistered();
      case PROVIDER_RANKING_CHANGED -> minimalProviderRankingChanged();
      case ALERT_FIRED -> minimalAlertFired();
      case ALERT_RESOLVED -> minimalAlertResolved();
      case RISK_CONTROL_CHANGED -> minimalRiskControlChanged();
      case INCIDENT_OPENED -> minimalIncidentOpened();
      case INCIDENT_UPDATED -> minimalIncidentUpdated();
      case INCIDENT_RESOLVED -> minimalIncidentResolved();
      case INCIDENT_ESCALATED -> minimalIncidentEscalated();
      case SERVICE_CREDITS_COMPUTED -> minimalServiceCreditsComputed();
    };
  }

  static ScanTargetRegistered scanTargetRegistered() {
    return new ScanTargetRegistered(
        "tgt-api-example",
        ScanTarget.TLS_ENDPOINT,
        "203.0.113.10",
        443,
        "api.example.com",
        Map.of("team", "payments"),
        300L,
        "SMTP",
        true,
        T0,
        "operator",
        45,
        21,
        67);
  }

  static ScanTargetRegistered minimalScanTargetRegistered() {
    return new ScanTargetRegistered(
        "tgt-api-example",
        ScanTarget.TLS_ENDPOINT,
        "api.example.com",
        443,
        null,
        null,
        null,
        null,
        null,
        T0,
        "operator");
  }

  static ScanTargetRetired scanTargetRetired() {
    return new ScanTargetRetired(
        "tgt-api-example",
        ScanTarget.TLS_ENDPOINT,
        "203.0.113.10",
        443,
        Map.of("team", "payments"),
        T1);
  }

  static ScanTargetRetired minimalScanTargetRetired() {
    return new ScanTargetRetired("tgt-api-example", ScanTarget.TLS_ENDPOINT, null, null, null, T1);
  }

  static CertificateScanned certificateScanned() {
    return new CertificateScanned(
        "scan-0001",
        "tgt-api-example",
        new ScanTarget(
            ScanTarget.TLS_ENDPOINT,
            "api.example.com",
            443,
            "api.example.com",
            "203.0.113.10",
            "/etc/tls/server.pem",
            "payments",
            "api-tls"),
        Map.of("team", "payments", "env", "prod"),
        T0,
        ScanOutcome.UNREACHABLE,
        UnreachableReason.HANDSHAKE_FAILURE,
        "handshake failed after the certificate was read",
        "TLSv1.3",
        List.of(certificateSummary()),
        T1,
        5L,
        List.of(finding()),
        List.of("TLSv1", "TLSv1.2", "TLSv1.3"));
  }

  static CertificateScanned minimalCertificateScanned() {
    return new CertificateScanned(
        "scan-0002",
        "tgt-api-example",
        new ScanTarget(ScanTarget.TLS_ENDPOINT, null, null, null, null, null, null, null),
        null,
        T0,
        ScanOutcome.COMPLETED,
        null,
        null,
        null,
        List.of(minimalCertificateSummary()),
        null,
        null,
        List.of(minimalFinding()),
        null);
  }

  static ChainHealthObserved chainHealthObserved() {
    return new ChainHealthObserved(
        "obs-0001",
        "base-mainnet",
        "base-rpc-primary",
        "Primary Base RPC",
        "ROLLUP_NODE",
        "OP_STACK",
        Map.of("env", "prod"),
        T0,
        HealthStatus.DEGRADED,
        "8453",
        "8453",
        27_000_000L,
        "0xabc123",
        T0.minusSeconds(14),
        14.0,
        2.0,
        3L,
        10L,
        900L,
        1_800.5,
        12.5,
        4L,
        2L,
        false,
        25,
        87.3,
        200,
        List.of(
            new Finding(
                "HEAD_STALLED",
                Severity.WARNING,
                0,
                "The head has not advanced for 14 s.",
                Map.of("headAgeSeconds", "14"))));
  }

  static ChainHealthObserved minimalChainHealthObserved() {
    return new ChainHealthObserved(
        "obs-0002",
        "base-mainnet",
        "base-rpc-primary",
        null,
        "RPC",
        "EVM",
        null,
        T0,
        HealthStatus.HEALTHY,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static ChainRegistered chainRegistered() {
    ProbeThresholds thresholds = new ProbeThresholds(30L, 3L, 2_000L, 64L, 1_800L);
    return new ChainRegistered(
        "base-mainnet",
        "Base",
        "EVM",
        "8453",
        2_000L,
        Map.of("env", "prod"),
        thresholds,
        List.of(
            new ProviderDefinition(
                "base-rpc-primary",
                "Primary Base RPC",
                "EVM",
                "https://base.example.com/rpc",
                Map.of("Authorization", "env:BASE_RPC_TOKEN"),
                15L,
                5_000L,
                thresholds,
                Map.of("vendor", "example"))),
        T0,
        "operator");
  }

  static ChainRegistered minimalChainRegistered() {
    return new ChainRegistered(
        "base-mainnet", "Base", "EVM", "8453", 2_000L, null, null, null, T0, "operator");
  }

  static ApiRegistered apiRegistered() {
    return new ApiRegistered(
        "hl-info",
        "Hyperliquid info",
        "hyperliquid",
        "https://api.example.com/info",
        "POST",
        "{\"type\":\"meta\"}",
        Map.of("Content-Type", "application/json"),
        200,
        "$.universe",
        "ok",
        1_500L,
        30L,
        5_000L,
        Map.of("team", "trading"),
        T0,
        "operator");
  }

  static ApiRegistered minimalApiRegistered() {
    return new ApiRegistered(
        "hl-info",
        "Hyperliquid info",
        null,
        "https://api.example.com/info",
        "GET",
        null,
        null,
        200,
        null,
        null,
        null,
        null,
        null,
        null,
        T0,
        "operator");
  }

  static ProviderRankingChanged providerRankingChanged() {
    return new ProviderRankingChanged(
        "base-mainnet",
        List.of(
            new RankedProvider("base-rpc-backup", "Backup", HealthStatus.HEALTHY, 0L, 42.5),
            new RankedProvider("base-rpc-primary", "Primary", HealthStatus.DOWN, 12L, 300.0)),
        List.of("base-rpc-primary", "base-rpc-backup"),
        T1);
  }

  static ProviderRankingChanged minimalProviderRankingChanged() {
    return new ProviderRankingChanged(
        "base-mainnet",
        List.of(
            new RankedProvider("base-rpc-primary", "Primary", HealthStatus.HEALTHY, null, null)),
        null,
        T1);
  }

  static AlertFired alertFired() {
    return new AlertFired(
        FINGERPRINT,
        "CertificateExpiringSoon",
        Severity.CRITICAL,
        Map.of("alertname", "CertificateExpiringSoon", "team", "payments"),
        Map.of("summary", "api.example.com expires in 5 days"),
        "team=payments",
        T0,
        T1,
        5.0,
        "scan-0001");
  }

  static AlertFired minimalAlertFired() {
    return new AlertFired(
        FINGERPRINT,
        "CertificateExpiringSoon",
        Severity.WARNING,
        null,
        null,
        "team=payments",
        T0,
        T0,
        null,
        null);
  }

  static AlertResolved alertResolved() {
    return new AlertResolved(
        FINGERPRINT,
        "CertificateExpiringSoon",
        Map.of("alertname", "CertificateExpiringSoon"),
        "team=payments",
        T0,
        T1,
        "The certificate was renewed.",
        "scan-0003");
  }

  static AlertResolved minimalAlertResolved() {
    return new AlertResolved(
        FINGERPRINT, "CertificateExpiringSoon", null, "team=payments", T0, T1, null, null);
  }

  static RiskControlChanged riskControlChanged() {
    return new RiskControlChanged(
        "base-deposits",
        "chain:base-mainnet",
        BreakerState.CLOSED,
        BreakerState.OPEN,
        T0,
        "The head of base-mainnet stalled on every provider.",
        List.of(FINGERPRINT),
        false,
        "system",
        T1,
        7L,
        BreakerChangeCause.ALERT_FIRING,
        List.of("pause-deposits", "pause-withdrawals"),
        List.of("ChainHeadStalled"),
        T1);
  }

  static RiskControlChanged minimalRiskControlChanged() {
    return new RiskControlChanged(
        "base-deposits",
        "chain:base-mainnet",
        null,
        BreakerState.CLOSED,
        T0,
        null,
        null,
        true,
        "alice",
        null,
        1L,
        BreakerChangeCause.MANUAL_OVERRIDE,
        null,
        null,
        null);
  }

  static IncidentOpened incidentOpened() {
    return new IncidentOpened(
        INCIDENT_ID,
        "team=payments",
        "Certificate of api.example.com expires in 5 days",
        Severity.CRITICAL,
        List.of("payments-api"),
        Map.of("team", "payments"),
        T0,
        List.of(FINGERPRINT));
  }

  static IncidentOpened minimalIncidentOpened() {
    return new IncidentOpened(
        INCIDENT_ID, "team=payments", "Certificate expiring", Severity.INFO, null, null, T0, null);
  }

  static IncidentUpdated incidentUpdated() {
    return new IncidentUpdated(
        INCIDENT_ID,
        IncidentChange.ALERT_ATTACHED,
        IncidentStatus.ACKNOWLEDGED,
        Severity.CRITICAL,
        T1,
        "alice",
        FINGERPRINT,
        "A second alert joined the incident.",
        2);
  }

  static IncidentUpdated minimalIncidentUpdated() {
    return new IncidentUpdated(
        INCIDENT_ID,
        IncidentChange.NOTE_ADDED,
        IncidentStatus.TRIGGERED,
        Severity.WARNING,
        T1,
        "system",
        null,
        null,
        0);
  }

  static IncidentResolved incidentResolved() {
    return new IncidentResolved(
        INCIDENT_ID,
        "team=payments",
        Severity.CRITICAL,
        List.of("payments-api"),
        T0,
        T1,
        2_670L,
        "system");
  }

  static IncidentResolved minimalIncidentResolved() {
    return new IncidentResolved(
        INCIDENT_ID, "team=payments", Severity.WARNING, null, T0, T1, 0L, "system");
  }

  private static CertificateSummary certificateSummary() {
    return new CertificateSummary(
        0,
        "CN=api.example.com",
        "CN=Example Issuing CA,O=Example",
        "0a1b2c3d",
        T0.minusSeconds(86_400 * 85L),
        T1,
        5L,
        SHA256,
        SHA256,
        "EC",
        256,
        "SHA256withECDSA",
        List.of("api.example.com", "203.0.113.10"),
        false,
        false);
  }

  private static CertificateSummary minimalCertificateSummary() {
    return new CertificateSummary(
        0,
        "CN=api.example.com",
        "CN=api.example.com",
        "01",
        T0,
        T1,
        0L,
        SHA256,
        SHA256,
        "RSA",
        null,
        "SHA256withRSA",
        null,
        true,
        true);
  }

  private static Finding finding() {
    return new Finding(
        "EXPIRING_SOON",
        Severity.CRITICAL,
        0,
        "The leaf certificate expires in 5 days.",
        Map.of("daysLeft", "5"));
  }

  private static Finding minimalFinding() {
    return new Finding("SELF_SIGNED", Severity.INFO, null, "The certificate is self-signed.", null);
  }

  static IncidentEscalated incidentEscalated() {
    return new IncidentEscalated(
        INCIDENT_ID,
        "team=payments",
        "Certificate of api.example.com expires in 5 days",
        Severity.CRITICAL,
        IncidentStatus.TRIGGERED,
        Map.of("team", "payments"),
        List.of("trading-api"),
        "critical-payments",
        2,
        3,
        List.of("payments-secondary", "ops-lead"),
        T0,
        T0,
        T1);
  }

  static IncidentEscalated minimalIncidentEscalated() {
    return new IncidentEscalated(
        INCIDENT_ID,
        "team=payments",
        "",
        Severity.INFO,
        IncidentStatus.TRIGGERED,
        null,
        null,
        "default",
        1,
        1,
        List.of("log-only"),
        T0,
        T0,
        T1);
  }

  static ServiceCreditsComputed serviceCreditsComputed() {
    return new ServiceCreditsComputed(
        "2025-02@UTC",
        Instant.parse("2025-02-01T00:00:00Z"),
        Instant.parse("2025-03-01T00:00:00Z"),
        "UTC",
        T1,
        List.of(
            new ServiceCreditsComputed.Result(
                "trading-api", "enterprise", 99.42, 99.9, true, 10.0, 14_030, 3_600)));
  }

  static ServiceCreditsComputed minimalServiceCreditsComputed() {
    return new ServiceCreditsComputed(
        "2025-02@UTC",
        Instant.parse("2025-02-01T00:00:00Z"),
        Instant.parse("2025-03-01T00:00:00Z"),
        "UTC",
        T1,
        List.of());
  }
}
