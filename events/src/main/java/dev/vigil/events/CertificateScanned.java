package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Emitted by scanner-service after every scan of a certificate target, whatever the result: a
 * healthy scan is what resolves an alert. Keyed by {@code targetId}, so one target's scans stay in
 * order.
 *
 * @param scanId unique id of this scan (also the CloudEvent id)
 * @param targetId stable id of the registered target
 * @param target where the certificates were read from
 * @param labels the target's labels (team, env, service, ...), carried into alerts
 * @param scannedAt when the scan finished
 * @param outcome whether anything could be read
 * @param unreachableReason typed reason when {@code outcome} is {@code UNREACHABLE}
 * @param detail human detail of a failure, never containing secrets
 * @param protocol negotiated TLS protocol, e.g. {@code TLSv1.3}
 * @param chain the certificates as served, leaf first
 * @param earliestNotAfter the earliest {@code notAfter} in the chain: an intermediate that expires
 *     first breaks the chain first
 * @param daysLeft whole days until {@code earliestNotAfter}; negative once expired
 * @param findings what is wrong, each with a stable code
 * @param acceptedProtocols the TLS versions the endpoint accepted when probed one by one (e.g.
 *     {@code TLSv1}, {@code TLSv1.2}), oldest first; {@code null} when versions were not probed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateScanned(
    String scanId,
    String targetId,
    ScanTarget target,
    Map<String, String> labels,
    Instant scannedAt,
    ScanOutcome outcome,
    UnreachableReason unreachableReason,
    String detail,
    String protocol,
    List<CertificateSummary> chain,
    Instant earliestNotAfter,
    Long daysLeft,
    List<Finding> findings,
    List<String> acceptedProtocols) {

  public CertificateScanned {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    chain = chain == null ? List.of() : List.copyOf(chain);
    findings = findings == null ? List.of() : List.copyOf(findings);
    acceptedProtocols = acceptedProtocols == null ? null : List.copyOf(acceptedProtocols);
  }

  /** This scan with {@code replacement} as its findings, every other field kept. */
  public CertificateScanned withFindings(List<Finding> replacement) {
    return new CertificateScanned(
        scanId,
        targetId,
        target,
        labels,
        scannedAt,
        outcome,
        unreachableReason,
        detail,
        protocol,
        chain,
        earliestNotAfter,
        daysLeft,
        replacement,
        acceptedProtocols);
  }

  /** A scan whose TLS versions were not probed. */
  public CertificateScanned(
      String scanId,
      String targetId,
      ScanTarget target,
      Map<String, String> labels,
      Instant scannedAt,
      ScanOutcome outcome,
      UnreachableReason unreachableReason,
      String detail,
      String protocol,
      List<CertificateSummary> chain,
      Instant earliestNotAfter,
      Long daysLeft,
      List<Finding> findings) {
    this(
        scanId,
        targetId,
        target,
        labels,
        scannedAt,
        outcome,
        unreachableReason,
        detail,
        protocol,
        chain,
        earliestNotAfter,
        daysLeft,
        findings,
        null);
  }

  /** Whether a finding with this code is present. */
  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }
}
