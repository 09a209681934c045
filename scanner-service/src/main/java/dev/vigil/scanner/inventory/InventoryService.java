package dev.vigil.scanner.inventory;

import dev.vigil.events.CertificateScanned;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The door every source uses to the certificate inventory. It never throws: the inventory is a
 * by-product of scanning, and a database hiccup must not stop a scan from being published.
 */
@ApplicationScoped
public class InventoryService {

  private static final Logger LOG = Logger.getLogger(InventoryService.class);

  private final InventoryRecorder recorder;

  public InventoryService(InventoryRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * Records where the scan saw which certificate and returns the scan with the inventory's
   * cross-check findings (renewed but not deployed, key reused) added; the scan unchanged when the
   * inventory cannot be written.
   */
  public CertificateScanned record(CertificateScanned scan) {
    try {
      return recorder.record(scan);
    } catch (RuntimeException e) {
      LOG.warnf("inventory not updated for scan %s of %s: %s", scan.scanId(), scan.targetId(), e);
      return scan;
    }
  }

  /**
   * A Kubernetes object changed or went away: its places other than {@code keepTargetIds} no longer
   * hold their certificates.
   */
  public void retireObject(String kind, String namespace, String name, Set<String> keepTargetIds) {
    try {
      recorder.retireObject(kind, namespace, name, keepTargetIds);
    } catch (RuntimeException e) {
      LOG.warnf("inventory not updated for %s %s/%s: %s", kind, namespace, name, e);
    }
  }

  /** Places of {@code kind} that no scan confirmed since {@code since} (a file round's start). */
  public void retireNotSeenSince(String kind, Instant since) {
    try {
      recorder.retireNotSeenSince(kind, since);
    } catch (RuntimeException e) {
      LOG.warnf("inventory not updated for %s places not seen since %s: %s", kind, since, e);
    }
  }
}
