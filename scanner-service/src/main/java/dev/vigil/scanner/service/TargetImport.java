package dev.vigil.scanner.service;

import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.config.ImportConfig;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.messaging.TargetPublisher;
import dev.vigil.scanner.persistence.TargetRows;
import dev.vigil.scanner.service.TargetService.Definition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores a bulk import that has already been validated, in chunks: per chunk one transaction, one
 * JDBC batch of rows and one wait for the broker's acks of all its definitions. A row-at-a-time
 * import waited for one ack per target and took minutes for 10,000 targets.
 *
 * <p>Per chunk the rows are committed first, then the definitions published (outside the
 * transaction: acks arrive on the producer's threads), so this replica's consumer, reading them
 * back, finds the rows already there. Rows whose definition the broker did not acknowledge are
 * deleted again. If the database or the broker fails mid-import, what was stored and published
 * stays (replicas already own it) and the answer is a 503 saying how many targets that is.
 */
@ApplicationScoped
public class TargetImport {

  private static final Logger LOG = Logger.getLogger(TargetImport.class);

  private final TargetRows rows;
  private final TargetPublisher publisher;
  private final OwnedTargets owned;
  private final Clock clock;
  private final int chunkSize;

  public TargetImport(
      TargetRows rows,
      TargetPublisher publisher,
      OwnedTargets owned,
      Clock clock,
      ImportConfig config) {
    this.rows = rows;
    this.publisher = publisher;
    this.owned = owned;
    this.clock = clock;
    this.chunkSize = config.chunkSize();
  }

  /** Stores and publishes valid definitions; returns them in order, with their new ids. */
  public List<TargetStatus> store(List<Definition> definitions, String actor) {
    List<TargetStatus> stored = new ArrayList<>(definitions.size());
    for (int from = 0; from < definitions.size(); from += chunkSize) {
      List<Definition> chunk =
          definitions.subList(from, Math.min(definitions.size(), from + chunkSize));
      int before = stored.size();
      try {
        storeChunk(chunk, actor, stored);
      } catch (RuntimeException e) {
        LOG.errorf("bulk import interrupted after %d targets: %s", stored.size(), e.getMessage());
        throw new ProblemException(
            503,
            "Import interrupted",
            "stored "
                + stored.size()
                + " of "
                + definitions.size()
                + " targets (the first "
                + before
                + " in order, then "
                + (stored.size() - before)
                + " of the next "
                + chunk.size()
                + ") before the database or the broker failed",
            List.of());
      }
    }
    return stored;
  }

  private void storeChunk(List<Definition> chunk, String actor, List<TargetStatus> stored) {
    Instant now = Instant.now(clock);
    List<TargetRows.Row> batch = new ArrayList<>(chunk.size());
    List<ScanTargetRegistered> events = new ArrayList<>(chunk.size());
    List<TargetStatus> statuses = new ArrayList<>(chunk.size());
    for (Definition d : chunk) {
      String id = UUID.randomUUID().toString();
      batch.add(row(id, d, actor, now));
      events.add(TargetService.toEvent(id, d, actor, now));
      statuses.add(status(id, d, actor, now));
    }
    QuarkusTransaction.requiringNew().run(() -> rows.upsertAll(batch));
    List<String> unacknowledged = publisher.registeredAll(events);
    if (!unacknowledged.isEmpty()) {
      QuarkusTransaction.requiringNew().run(() -> rows.deleteAll(unacknowledged));
      statuses.stream().filter(s -> !unacknowledged.contains(s.id())).forEach(stored::add);
      throw new IllegalStateException(
          unacknowledged.size() + " definitions not acknowledged by the broker");
    }
    stored.addAll(statuses);
  }

  static TargetRows.Row row(String id, Definition d, String actor, Instant at) {
    TargetSpec spec = d.spec();
    return new TargetRows.Row(
        id,
        spec.host(),
        spec.port(),
        spec.serverName(),
        spec.starttls().name(),
        spec.allAddresses(),
        spec.labels(),
        d.intervalSeconds(),
        actor,
        at,
        spec.expiry().warningDays(),
        spec.expiry().criticalDays(),
        spec.expiry().lifetimePercent());
  }

  private TargetStatus status(String id, Definition d, String actor, Instant at) {
    TargetSpec spec = d.spec();
    return new TargetStatus(
        id,
        spec.host(),
        spec.port(),
        spec.serverName(),
        spec.labels(),
        spec.starttls() == null ? StartTls.NONE.name() : spec.starttls().name(),
        spec.allAddresses(),
        d.intervalSeconds(),
        spec.expiry().warningDays(),
        spec.expiry().criticalDays(),
        spec.expiry().lifetimePercent(),
        actor,
        at,
        at,
        owned.nextDue(id),
        null);
  }
}
