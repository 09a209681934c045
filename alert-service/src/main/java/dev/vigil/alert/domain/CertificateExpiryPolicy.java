package dev.vigil.alert.domain;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.CertificateSummary;
import dev.vigil.events.ScanOutcome;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.Severity;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in rule {@code CertificateExpiring}: a certificate chain whose earliest expiry is
 * closer than the thresholds fires a warning, then a critical alert. A later rule engine can supply
 * other rules with the same output, an {@link Evaluation}.
 */
public final class CertificateExpiryPolicy {

  public static final String ALERT_NAME = "CertificateExpiring";

  public static final String ALERTNAME = "alertname";
  public static final String TARGET_ID = "target_id";
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String SERVER_NAME = "server_name";

  /**
   * Labels Vigil sets itself. A target label with one of these names is dropped, even when the
   * target has no value of its own for it (a file target has no host): otherwise a label could
   * impersonate another endpoint.
   */
  public static final Set<String> RESERVED_LABELS =
      Set.of(ALERTNAME, TARGET_ID, HOST, PORT, SERVER_NAME);

  private final ExpiryThresholds thresholds;

  public CertificateExpiryPolicy(ExpiryThresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  public ExpiryThresholds thresholds() {
    return thresholds;
  }

  /**
   * Judges one scan.
   *
   * @throws IllegalArgumentException if a completed scan carries no {@code daysLeft}
   */
  public Evaluation evaluate(CertificateScanned scan) {
    String where = location(scan);
    if (scan.outcome() == ScanOutcome.UNREACHABLE) {
      return Evaluation.noData(
          ALERT_NAME,
          scan.targetId(),
          "could not read " + where + " (" + scan.unreachableReason() + ")");
    }
    Long daysLeft = scan.daysLeft();
    if (daysLeft == null) {
      throw new IllegalArgumentException("completed scan without daysLeft");
    }
    String summary = "Certificate for " + where + " " + expiry(daysLeft);
    Optional<Severity> severity = thresholds.severityFor(daysLeft);
    if (severity.isEmpty()) {
      return Evaluation.healthy(ALERT_NAME, scan.targetId(), summary);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", summary);
    annotations.put("description", description(scan));
    annotations.put("value", String.valueOf(daysLeft));
    AlertCandidate candidate =
        new AlertCandidate(
            ALERT_NAME, severity.get(), labels(scan), annotations, daysLeft.doubleValue());
    return Evaluation.firing(scan.targetId(), candidate, summary);
  }

  /** The target's own labels, then Vigil's reserved ones, which always win. */
  static Map<String, String> labels(CertificateScanned scan) {
    Map<String, String> labels = new LinkedHashMap<>();
    scan.labels()
        .forEach(
            (name, value) -> {
              if (!RESERVED_LABELS.contains(name) && value != null) {
                labels.put(name, value);
              }
            });
    labels.put(ALERTNAME, ALERT_NAME);
    labels.put(TARGET_ID, scan.targetId());
    ScanTarget target = scan.target();
    if (target != null) {
      putIfPresent(labels, HOST, target.host());
      putIfPresent(labels, PORT, target.port() == null ? null : target.port().toString());
      putIfPresent(labels, SERVER_NAME, target.serverName());
    }
    return labels;
  }

  static String expiry(long daysLeft) {
    if (daysLeft < 0) {
      return "expired " + days(-daysLeft) + " ago";
    }
    return daysLeft == 0 ? "expires today" : "expires in " + days(daysLeft);
  }

  private static String days(long n) {
    return n == 1 ? "1 day" : n + " days";
  }

  /** Names the certificate that expires first: in a chain that is the one to replace. */
  static String description(CertificateScanned scan) {
    Optional<CertificateSummary> first =
        scan.chain().stream()
            .filter(c -> c.notAfter() != null)
            .min(Comparator.comparing(CertificateSummary::notAfter));
    if (first.isEmpty()) {
      return "Earliest notAfter in the chain: " + scan.earliestNotAfter();
    }
    CertificateSummary c = first.get();
    return "Subject: "
        + c.subject()
        + "; issuer: "
        + c.issuer()
        + "; notAfter: "
        + c.notAfter()
        + "; serial: "
        + c.serialNumber()
        + "; position in chain: "
        + c.position();
  }

  /** Where the certificate was read, for humans: {@code host:port}, a file, or a secret. */
  static String location(CertificateScanned scan) {
    ScanTarget t = scan.target();
    if (t == null) {
      return scan.targetId();
    }
    if (t.host() != null) {
      return t.port() == null ? t.host() : t.host() + ":" + t.port();
    }
    if (t.path() != null) {
      return t.path();
    }
    if (t.name() != null) {
      return t.namespace() == null ? t.name() : t.namespace() + "/" + t.name();
    }
    return scan.targetId();
  }

  private static void putIfPresent(Map<String, String> labels, String name, String value) {
    if (value != null && !value.isBlank()) {
      labels.put(name, value);
    }
  }
}
