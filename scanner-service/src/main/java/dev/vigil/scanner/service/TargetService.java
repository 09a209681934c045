package dev.vigil.scanner.service;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.Finding;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.persistence.TargetEntity;
import dev.vigil.scanner.persistence.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Registers targets, hands due ones to the scheduler and records their latest results. */
@ApplicationScoped
public class TargetService {

  private final TargetRepository targets;
  private final AddressPolicy policy;
  private final ScannerConfig config;
  private final Clock clock;

  public TargetService(
      TargetRepository targets, AddressPolicy policy, ScannerConfig config, Clock clock) {
    this.targets = targets;
    this.policy = policy;
    this.config = config;
    this.clock = clock;
  }

  /** Validates and stores a target; it is scanned at the next scheduler tick. */
  @Transactional
  public TargetStatus register(TargetSpec spec) {
    List<FieldViolation> violations = spec.violations(policy);
    if (!violations.isEmpty()) {
      throw new ProblemException(
          400,
          "Invalid target",
          violations.get(0).field() + ": " + violations.get(0).message(),
          violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
    TargetEntity target = new TargetEntity();
    target.id = UUID.randomUUID().toString();
    target.host = spec.host();
    target.port = spec.port();
    target.serverName = spec.serverName();
    target.starttls = spec.starttls().name();
    target.allAddresses = spec.allAddresses();
    target.labels = spec.labels();
    target.createdAt = Instant.now(clock);
    target.nextScanAt = target.createdAt;
    target.lastFindings = List.of();
    targets.persist(target);
    return TargetStatus.of(target);
  }

  @Transactional
  public List<TargetStatus> list() {
    return targets.listByCreation().stream().map(TargetStatus::of).toList();
  }

  @Transactional
  public TargetStatus get(String id) {
    return targets
        .findByIdOptional(id)
        .map(TargetStatus::of)
        .orElseThrow(() -> ProblemException.notFound("target", id));
  }

  @Transactional
  public void delete(String id) {
    if (!targets.deleteById(id)) {
      throw ProblemException.notFound("target", id);
    }
  }

  /**
   * Claims up to {@code limit} due targets by moving their next scan one interval ahead, so no
   * other tick or replica picks them while they are being scanned.
   */
  @Transactional
  public List<ScanJob> claimDue(int limit) {
    Instant now = Instant.now(clock);
    return targets.lockDue(now, limit).stream()
        .map(
            t -> {
              t.nextScanAt = now.plus(config.interval());
              return new ScanJob(
                  t.id,
                  new TargetSpec(
                      t.host,
                      t.port,
                      t.serverName,
                      t.labels,
                      StartTls.valueOf(t.starttls),
                      t.allAddresses));
            })
        .toList();
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

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  /** A target handed to a scan worker. */
  public record ScanJob(String targetId, TargetSpec spec) {}
}
