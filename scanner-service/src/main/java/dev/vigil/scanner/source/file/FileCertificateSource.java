package dev.vigil.scanner.source.file;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.domain.source.PasswordRules;
import dev.vigil.scanner.domain.source.SourceIds;
import dev.vigil.scanner.inventory.InventoryService;
import dev.vigil.scanner.source.SourceChains;
import dev.vigil.scanner.source.SourceChains.Chain;
import dev.vigil.scanner.source.SourceLeadership;
import dev.vigil.scanner.source.SourceScanService;
import dev.vigil.scanner.source.SourceTarget;
import dev.vigil.scanner.tls.store.StoreFormat;
import dev.vigil.scanner.tls.store.UnreadableStoreException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads the configured certificate files on every scanner interval and publishes one scan per chain
 * or keystore alias. A file that cannot be read becomes a typed UNREACHABLE scan ({@code IO_ERROR}
 * or {@code UNREADABLE}), never an exception.
 */
@ApplicationScoped
public class FileCertificateSource {

  /** Certificate files are small; anything bigger is not one and is not read into memory. */
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(FileCertificateSource.class);

  private final FileSourceConfig config;
  private final SourceChains chains;
  private final SourceScanService scans;
  private final InventoryService inventory;
  private final KeystorePasswords passwords;
  private final SourceLeadership leadership;
  private final Clock clock;
  private final Set<Path> reportedMissing = ConcurrentHashMap.newKeySet();

  public FileCertificateSource(
      FileSourceConfig config,
      SourceChains chains,
      SourceScanService scans,
      InventoryService inventory,
      SourceLeadership leadership,
      Clock clock) {
    this.config = config;
    this.leadership = leadership;
    this.chains = chains;
    this.scans = scans;
    this.inventory = inventory;
    this.passwords = new KeystorePasswords(new PasswordRules(config.passwords()), System::getenv);
    this.clock = clock;
  }

  @Scheduled(
      every = "${vigil.scanner.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scanConfiguredPaths() {
    List<String> paths = config.paths().orElse(List.of());
    if (paths.isEmpty() || !leadership.isLeader()) {
      return;
    }
    Instant roundStart = clock.instant();
    for (String configured : paths) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      for (Path file : discover(root)) {
        scanFile(file);
      }
    }
    // Files deleted (or no longer under a configured path) stop counting as places.
    inventory.retireNotSeenSince(ScanTarget.FILE, roundStart);
  }

  /** Reads one file and publishes a scan per chain or keystore alias it holds. */
  public List<CertificateScanned> scanFile(Path path) {
    Path file = path.toAbsolutePath().normalize();
    String shown = file.toString();
    SourceTarget whole = target(shown, null);
    StoreFormat format =
        StoreFormat.ofFileName(file.getFileName().toString()).orElse(StoreFormat.CERTIFICATES);
    byte[] content;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return List.of(
            scans.failed(whole, UnreachableReason.UNREADABLE, "larger than 10 MiB: not read"));
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      return List.of(scans.failed(whole, UnreachableReason.IO_ERROR, e.toString()));
    }
    char[] password = null;
    List<Chain> found;
    try {
      password = format.isKeystore() ? passwords.passwordFor(file) : null;
      found = chains.read(format, content, password);
    } catch (UnreadableStoreException e) {
      String hint =
          format.isKeystore() && password == null
              ? " (no password configured under vigil.scanner.files.passwords)"
              : "";
      return List.of(scans.failed(whole, UnreachableReason.UNREADABLE, e.getMessage() + hint));
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
    if (found.isEmpty()) {
      LOG.debugf("%s holds no certificate (a key file?); skipped", shown);
    }
    List<CertificateScanned> published = new ArrayList<>();
    for (Chain chain : found) {
      published.add(scans.completed(target(shown, chain.entry()), chain));
    }
    return published;
  }

  private SourceTarget target(String path, String entry) {
    return new SourceTarget(
        SourceIds.file(path, entry), ScanTarget.file(path, entry), config.labels());
  }

  private List<Path> discover(Path root) {
    if (!Files.exists(root)) {
      // A lost mount or a typo: visible as a scan of the configured path, not only in a log.
      if (reportedMissing.add(root)) {
        LOG.warnf("configured certificate path %s does not exist", root);
      }
      scans.failed(target(root.toString(), null), UnreachableReason.IO_ERROR, "does not exist");
      return List.of();
    }
    reportedMissing.remove(root);
    try {
      return FileDiscovery.find(root);
    } catch (IOException | RuntimeException e) {
      LOG.warnf("cannot list certificate path %s: %s", root, e.toString());
      scans.failed(target(root.toString(), null), UnreachableReason.IO_ERROR, e.toString());
      return List.of();
    }
  }
}
