package dev.vigil.scanner.service;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.Finding;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.messaging.TargetPublisher;
import dev.vigil.scanner.persistence.TargetEntity;
import dev.vigil.scanner.persistence.TargetRepository;
import dev.vigil.scanner.persistence.TargetRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Targets: defined through REST or by other systems on the targets topic, stored for the API, and
 * scheduled by whichever replica owns their topic partition.
 */
@ApplicationScoped
public class TargetService {

  private static final Logger LOG = Logger.getLogger(TargetService.class);

  private final TargetRepository targets;
  private final TargetRows rows;
  private final TargetPublisher publisher;
  private final TargetImport importer;
  private final OwnedTargets owned;
  private final AddressPolicy policy;
  private final Clock clock;

  public TargetService(
      TargetRepository targets,
      TargetRows rows,
      TargetPublisher publisher,
      TargetImport importer,
      OwnedTargets owned,
      AddressPolicy policy,
      Clock clock) {
    this.targets = targets;
    this.rows = rows;
    this.publisher = publisher;
    this.importer = importer;
    this.owned = owned;
    this.policy = policy;
    this.clock = clock;
  }

  /** A target definition as submitted: what to connect to and how often. */
  public record Definition(TargetSpec spec, Long intervalSeconds) {}

  /**
   * Validates, stores and publishes a new target, as a one-row import: the row is committed, then
   * the definition published; should the broker not acknowledge it, the row is deleted again and
   * the answer is a 503.
   */
  public TargetStatus register(Definition definition, String actor) {
    requireValid(List.of(definition), "");
    try {
      return importer.store(List.of(definition), actor).get(0);
    } catch (ProblemException e) {
      if (e.problem().status() != 503) {
        throw e;
      }
      throw new ProblemException(
          503,
          "Target not stored",
          "the database or the broker failed; nothing was stored; retry",
          List.of());
    }
  }

  /**
   * Registers several targets. Validation is all or none: one invalid row rejects the whole import
   * and nothing is stored. Valid imports are stored in chunks ({@link TargetImport}).
   */
  public List<TargetStatus> registerAll(List<Definition> definitions, String actor) {
    if (definitions.isEmpty()) {
      throw ProblemException.invalidField("targets", "the import holds no target");
    }
    requireValid(definitions, "targets");
    return importer.store(definitions, actor);
  }

  /**
   * Publishes the new definition first, then stores it. The topic is the source of truth: if the
   * broker does not acknowledge, nothing changed (503); once it has, the owning replica's intake
   * writes the same row even if this replica's write fails. No transaction is open while waiting
   * for the ack (the acks arrive on the producer's threads).
   */
  public TargetStatus replace(String id, Definition definition, String actor) {
    requireExists(id);
    requireValid(List.of(definition), "");
    Instant now = Instant.now(clock);
    awaitBroker(() -> publisher.registered(toEvent(id, definition, actor, now)), "changed");
    QuarkusTransaction.requiringNew()
        .run(() -> rows.upsertAll(List.of(TargetImport.row(id, definition, actor, now))));
    return get(id);
  }

  @Transactional
  public List<TargetStatus> list() {
    return targets.listByCreation().stream().map(this::status).toList();
  }

  @Transactional
  public TargetStatus get(String id) {
    return targets
        .findByIdOptional(id)
        .map(this::status)
        .orElseThrow(() -> ProblemException.notFound("target", id));
  }

  /**
   * Publishes the tombstone first, then deletes the row; the owning replica's intake deletes it too
   * and announces the retirement. If the broker does not acknowledge, nothing changed (503).
   */
  public void delete(String id) {
    requireExists(id);
    awaitBroker(() -> publisher.removed(id), "deleted");
    QuarkusTransaction.requiringNew().run(() -> rows.deleteAll(List.of(id)));
  }

  /** Stores the outcome of a scan; a target deleted meanwhile is ignored. */
  @Transactional
  public void recordResult(CertificateScanned scan) {
    targets
        .findByIdOptional(scan.targetId())
        .ifPresent(
            t -> {
              t.lastScanId = scan.scanId();
              t.lastScannedAt = scan.scannedAt();
              t.lastOutcome = scan.outcome().name();
              t.lastUnreachableReason =
                  scan.unreachableReason() == null ? null : scan.unreachableReason().name();
              t.lastDetail = truncate(scan.detail());
              t.lastProtocol = scan.protocol();
              t.lastEarliestNotAfter = scan.earliestNotAfter();
              t.lastDaysLeft = scan.daysLeft();
              t.lastFindings = scan.findings().stream().map(Finding::code).distinct().toList();
            });
  }

  private void requireExists(String id) {
    if (!QuarkusTransaction.requiringNew().call(() -> targets.findByIdOptional(id).isPresent())) {
      throw ProblemException.notFound("target", id);
    }
  }

  private static void awaitBroker(Runnable send, String what) {
    try {
      send.run();
    } catch (RuntimeException e) {
      LOG.errorf("target not %s: the broker did not acknowledge: %s", what, e.getMessage());
      throw new ProblemException(
          503,
          "Broker unavailable",
          "the target was not " + what + ": the broker did not acknowledge the change; retry",
          List.of());
    }
  }

  private void requireValid(List<Definition> definitions, String prefix) {
    List<Problem.FieldError> errors = new java.util.ArrayList<>();
    for (int i = 0; i < definitions.size(); i++) {
      String path = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
      Definition d = definitions.get(i);
      for (FieldViolation v : d.spec().violations(policy)) {
        errors.add(new Problem.FieldError(path + v.field(), v.message()));
      }
      if (d.intervalSeconds() != null
          && (d.intervalSeconds() < 10 || d.intervalSeconds() > 7 * 86_400)) {
        errors.add(
            new Problem.FieldError(path + "intervalSeconds", "must be between 10 and 604800"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          400, "Invalid target", errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }
  }

  static ScanTargetRegistered toEvent(String id, Definition d, String actor, Instant at) {
    return new ScanTargetRegistered(
        id,
        ScanTarget.TLS_ENDPOINT,
        d.spec().host(),
        d.spec().port(),
        d.spec().serverName(),
        d.spec().labels(),
        d.intervalSeconds(),
        d.spec().starttls() == StartTls.NONE ? null : d.spec().starttls().name(),
        d.spec().allAddresses() ? Boolean.TRUE : null,
        at,
        actor,
        d.spec().expiry().warningDays(),
        d.spec().expiry().criticalDays(),
        d.spec().expiry().lifetimePercent());
  }

  private TargetStatus status(TargetEntity entity) {
    return TargetStatus.of(entity, owned.nextDue(entity.id));
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  /** A target handed to a scan worker. */
  public record ScanJob(String targetId, TargetSpec spec) {}
}
