package dev.vigil.scanner.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.events.Finding;
import dev.vigil.scanner.persistence.InventoryLocationEntity;
import dev.vigil.scanner.persistence.InventoryScanEntity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One certificate with every place it was seen and its latest scans.
 *
 * @param crossFindings findings only the whole inventory can make (renewed but not deployed, key
 *     reused), with their evidence
 * @param history the newest scans of this certificate at any of its places, newest first
 */
public record CertificateDetail(
    CertificateView certificate,
    List<Finding> crossFindings,
    List<Location> locations,
    List<ScanRecord> history) {

  /** A place the certificate was seen; only the fields of its {@code kind} are set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Location(
      String targetId,
      String kind,
      String host,
      Integer port,
      String serverName,
      String address,
      String path,
      String namespace,
      String name,
      int position,
      Map<String, String> labels,
      boolean current,
      Instant firstSeen,
      Instant lastSeen,
      String lastScanId,
      List<String> findings) {

    static Location of(InventoryLocationEntity l) {
      return new Location(
          l.targetId,
          l.kind,
          l.host,
          l.port,
          l.serverName,
          l.address,
          l.path,
          l.namespace,
          l.name,
          l.chainPosition,
          l.labels,
          l.current,
          l.firstSeen,
          l.lastSeen,
          l.lastScanId,
          l.lastFindings);
    }
  }

  /** One scan that saw (or tried to see) the certificate at one place. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ScanRecord(
      String scanId,
      String targetId,
      Instant scannedAt,
      String outcome,
      String unreachableReason,
      List<String> findings) {

    static ScanRecord of(InventoryScanEntity s) {
      return new ScanRecord(
          s.scanId, s.targetId, s.scannedAt, s.outcome, s.unreachableReason, s.findings);
    }
  }
}
