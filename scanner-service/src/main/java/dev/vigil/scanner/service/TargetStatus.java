package dev.vigil.scanner.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.scanner.persistence.TargetEntity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The read model of a target: its settings and latest scan result (absent until the first scan).
 * Served as is by the REST API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetStatus(
    String id,
    String host,
    int port,
    String serverName,
    Map<String, String> labels,
    String starttls,
    boolean allAddresses,
    Long intervalSeconds,
    Integer warningDays,
    Integer criticalDays,
    Integer lifetimePercent,
    String registeredBy,
    Instant createdAt,
    Instant updatedAt,
    Instant nextScanAt,
    LastScan lastScan) {

  /** The latest scan of a target. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LastScan(
      String scanId,
      Instant scannedAt,
      String outcome,
      String unreachableReason,
      String detail,
      String protocol,
      Instant earliestNotAfter,
      Long daysLeft,
      List<String> findings) {}

  /**
   * @param nextScanAt when this replica scans the target next; {@code null} when another replica
   *     owns it
   */
  public static TargetStatus of(TargetEntity t, Instant nextScanAt) {
    LastScan last =
        t.lastScanId == null
            ? null
            : new LastScan(
                t.lastScanId,
                t.lastScannedAt,
                t.lastOutcome,
                t.lastUnreachableReason,
                t.lastDetail,
                t.lastProtocol,
                t.lastEarliestNotAfter,
                t.lastDaysLeft,
                t.lastFindings);
    return new TargetStatus(
        t.id,
        t.host,
        t.port,
        t.serverName,
        t.labels,
        t.starttls,
        t.allAddresses,
        t.intervalSeconds,
        t.warningDays,
        t.criticalDays,
        t.lifetimePercent,
        t.registeredBy,
        t.createdAt,
        t.updatedAt,
        nextScanAt,
        last);
  }
}
