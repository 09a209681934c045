package dev.vigil.scanner.source;

import dev.vigil.scanner.config.SourceLeadershipConfig;
import dev.vigil.scanner.persistence.SourceLeaderLock;
import dev.vigil.scanner.source.file.FileSourceConfig;
import dev.vigil.scanner.source.kubernetes.KubernetesSourceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Decides which replica reads the shared certificate sources (configured files, usually a mounted
 * Secret or ConfigMap, and the Kubernetes API): one at a time, so N replicas do not publish every
 * file and Secret N times. Endpoint targets need none of this: they are shared by Kafka partition.
 *
 * <p>With {@code vigil.scanner.sources.leader-election=false} every replica reads its sources, for
 * deployments where each replica is pointed at different, node-local files.
 */
@ApplicationScoped
public class SourceLeadership {

  /** Fired when this replica becomes, or stops being, the source leader. */
  public record Changed(boolean leader) {}

  private static final Logger LOG = Logger.getLogger(SourceLeadership.class);

  private final SourceLeaderLock lock;
  private final Event<Changed> changes;
  private final boolean election;
  private final boolean anySource;
  private boolean leader;

  public SourceLeadership(
      SourceLeaderLock lock,
      Event<Changed> changes,
      FileSourceConfig files,
      KubernetesSourceConfig kubernetes,
      SourceLeadershipConfig config) {
    this.lock = lock;
    this.changes = changes;
    this.election = config.leaderElection();
    this.anySource = kubernetes.enabled() || !files.paths().orElse(List.of()).isEmpty();
  }

  /**
   * Whether this replica should read the shared sources now; tries to become the leader when no
   * replica is.
   */
  public boolean isLeader() {
    if (!election) {
      return true;
    }
    boolean now = lock.holdOrAcquire();
    boolean changed;
    synchronized (this) {
      changed = now != leader;
      leader = now;
    }
    if (changed) {
      LOG.infof(
          now
              ? "this replica now reads the certificate files and Kubernetes sources"
              : "another replica reads the certificate files and Kubernetes sources");
      changes.fire(new Changed(now));
    }
    return now;
  }

  /** Keeps the lock alive, notices its loss, and lets a standby take over. */
  @Scheduled(
      every = "${vigil.scanner.sources.leader-check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void check() {
    if (anySource) {
      isLeader();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    lock.release();
  }
}
