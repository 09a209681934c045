package dev.vigil.scanner.service;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.Finding;
import dev.vigil.events.ScanTarget;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.messaging.TargetPublisher;
import dev.vigil.scanner.persistence.TargetEntity;
import dev.vigil.scanner.persistence.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Targets: defined through REST or by other systems on the targets topic, stored for the API, and
 * scheduled by whichever replica owns their topic partition.
 */
@ApplicationScoped
public class TargetService {

  private final TargetRepository targets;
  private final TargetPublisher publisher;
  private final TargetImport importer;
  private final OwnedTargets owned;
  private final AddressPolicy policy;
  private final ScannerConfig config;
  private final Clock clock;

  public TargetService(
      TargetRepository targets,
      TargetPublisher publisher,
      TargetImport importer,
      OwnedTargets owned,
      AddressPolicy policy,
      ScannerConfig config,
      Clock clock) {
    this.targets = targets;
    this.publisher = publisher;
    this.importer = importer;
    this.owned = owned;
    this.policy = policy;
    this.config = config;
    this.clock = clock;
  }

  /** A target definition as submitted: what to connect to and how often. */
  public record Definition(TargetSpec spec, Long intervalSeconds) {}

  /**
   * Validates, stores and publishes a new target. The broker must acknowledge the definition before
   * the call returns; otherwise nothing is stored.
   */
  @Transactional
  public TargetStatus register(Definition definition, String actor) {
    requireValid(List.of(definition), "");
    return save(UUID.randomUUID().toString(), definition, actor);
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

  @Transactional
  public TargetStatus replace(String id, Definition definition, String actor) {
    targets.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("target", id));
    requireValid(List.of(definition), "");
    return save(id, definition, actor);
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

  @Transactional
  public void delete(String id) {
    if (!targets.deleteById(id)) {
      throw ProblemException.notFound("target", id);
    }
    targets.flush();
    publisher.removed(id);
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

  private TargetStatus save(String id, Definition definition, String actor) {
    Instant now = Instant.now(clock);
    TargetEntity entity = targets.findById(id);
    if (entity == null) {
      entity = new TargetEntity();
      entity.id = id;
      entity.createdAt = now;
      entity.lastFindings = List.of();
      apply(entity, definition, actor, now);
      targets.persist(entity);
    } else {
      apply(entity, definition, actor, now);
    }
    // Written before publishing, so this replica's consumer, seeing the definition at once,
    // waits for this transaction instead of racing it. Inside the transaction: if the broker
    // does not acknowledge, the row is rolled back.
    targets.flush();
    publisher.registered(toEvent(id, definition, actor, now));
    return status(entity);
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

  private static void apply(TargetEntity e, Definition d, String actor, Instant at) {
    e.host = d.spec().host();
    e.port = d.spec().port();
    e.serverName = d.spec().serverName();
    e.starttls = d.spec().starttls().name();
    e.allAddresses = d.spec().allAddresses();
    e.labels = d.spec().labels();
    e.intervalSeconds = d.intervalSeconds();
    e.warningDays = d.spec().expiry().warningDays();
    e.criticalDays = d.spec().expiry().criticalDays();
    e.lifetimePercent = d.spec().expiry().lifetimePercent();
    e.registeredBy = actor;
    e.updatedAt = at;
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
