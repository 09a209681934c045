package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Emitted by scanner-service when a scan target is deleted, over its REST API or by a tombstone on
 * the targets topic, by the replica that owned the target (through its outbox). No scan of the
 * target follows. Keyed by {@code targetId}. Consumers stop expecting scans of it: alert-service
 * resolves its open alerts and forgets it for no-data rules. May be emitted again for the same
 * target (a replica that takes over a partition replays its tombstones); applying it twice changes
 * nothing.
 *
 * @param targetId the deleted target's id, as in its {@code CertificateScanned} events
 * @param kind {@code TLS_ENDPOINT}
 * @param host the host it was scanned at, when known
 * @param port its TCP port, when known
 * @param labels its labels, when known
 * @param retiredAt when the owning replica stopped scanning it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanTargetRetired(
    String targetId,
    String kind,
    String host,
    Integer port,
    Map<String, String> labels,
    Instant retiredAt) {

  public ScanTargetRetired {
    labels = labels == null ? null : Map.copyOf(labels);
  }
}
