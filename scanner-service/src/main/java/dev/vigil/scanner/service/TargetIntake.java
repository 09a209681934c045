package dev.vigil.scanner.service;

import dev.vigil.events.ScanTarget;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.events.ScanTargetRetired;
import dev.vigil.platform.messaging.PoisonRecordException;
import dev.vigil.platform.outbox.Outbox;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.ExpiryOverride;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.messaging.Channels;
import dev.vigil.scanner.persistence.TargetRows;
import dev.vigil.scanner.service.TargetService.Definition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Applies this replica's share of the targets topic a poll at a time: the rows of a whole batch in
 * one transaction, then the targets' schedule in memory. Definitions are checked one by one before,
 * so a bad record is dead-lettered on its own and the rest of its batch still counts.
 *
 * <p>A tombstone of a target this replica owns also queues a {@code ScanTargetRetired} event in the
 * outbox, in the same transaction: the owner is the one that knows no scan of it follows (whichever
 * replica took the REST call), and alert-service resolves the target's alerts on it.
 *
 * <p>Idempotent: a definition equal to the stored row writes nothing, a tombstone of an unknown
 * target deletes nothing, and a target already owned with the same definition keeps its schedule.
 * That is what makes replaying a partition from its start after a rebalance (how a replica takes
 * over targets) harmless, and why no inbox row is kept per record: the replay must rebuild the
 * in-memory schedule, which an inbox would skip, and tombstones carry no event id.
 */
@ApplicationScoped
public class TargetIntake {

  /** One record of the targets topic, already read and checked. */
  public sealed interface Change {
    String targetId();
  }

  /** A (new or changed) definition on partition {@code partition}. */
  public record Registered(ScanTargetRegistered event, Definition definition, int partition)
      implements Change {
    @Override
    public String targetId() {
      return event.targetId();
    }
  }

  /**
   * A tombstone.
   *
   * @param owned the target's definition if this replica owned it when the tombstone was read, else
   *     {@code null}
   */
  public record Removed(String targetId, TargetSpec owned) implements Change {}

  private final TargetRows rows;
  private final OwnedTargets owned;
  private final Outbox outbox;
  private final AddressPolicy policy;
  private final ScannerConfig config;
  private final Clock clock;

  public TargetIntake(
      TargetRows rows,
      OwnedTargets owned,
      Outbox outbox,
      AddressPolicy policy,
      ScannerConfig config,
      Clock clock) {
    this.rows = rows;
    this.owned = owned;
    this.outbox = outbox;
    this.policy = policy;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Checks a definition read from the topic by the same rules as the REST API (other systems
   * publish there too).
   *
   * @throws PoisonRecordException naming what is wrong
   */
  public Registered registered(ScanTargetRegistered event, int partition) {
    if (event.targetId() == null || event.targetId().isBlank() || event.targetId().length() > 200) {
      throw new PoisonRecordException("targetId must be 1 to 200 characters");
    }
    Definition definition = fromEvent(event);
    List<FieldViolation> violations = definition.spec().violations(policy);
    if (!violations.isEmpty()) {
      throw new PoisonRecordException(
          "invalid target "
              + event.targetId()
              + ": "
              + violations.stream()
                  .map(v -> v.field() + " " + v.message())
                  .collect(Collectors.joining("; ")));
    }
    if (event.registeredBy() == null || event.registeredAt() == null) {
      throw new PoisonRecordException("registeredBy and registeredAt are required");
    }
    return new Registered(event, definition, partition);
  }

  /** A tombstone read from the topic. */
  public Removed removed(String targetId) {
    return new Removed(targetId, owned.spec(targetId));
  }

  /**
   * Stores the batch in one transaction, then updates the schedule. Within the batch the last
   * record of a target wins, as compaction would have it.
   */
  public void apply(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Map<String, Change> last = new LinkedHashMap<>();
    for (Change c : changes) {
      last.remove(c.targetId()); // keep the order of the last occurrences
      last.put(c.targetId(), c);
    }
    List<TargetRows.Row> upserts = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    List<ScanTargetRetired> retired = new ArrayList<>();
    Instant now = clock.instant();
    for (Change c : last.values()) {
      if (c instanceof Registered r) {
        upserts.add(row(r));
      } else if (c instanceof Removed r) {
        deletes.add(r.targetId());
        TargetSpec spec = r.owned();
        if (spec != null) {
          // This replica scanned it: it says that no scan follows, whichever replica deleted it.
          retired.add(
              new ScanTargetRetired(
                  c.targetId(),
                  ScanTarget.TLS_ENDPOINT,
                  spec.host(),
                  spec.port(),
                  spec.labels(),
                  now));
        }
      }
    }
    // Removed targets leave the schedule first: a scan finishing from now on is not published
    // (ScanService), so none can follow the retirement. Should the transaction fail, the batch is
    // applied again and removes them again.
    deletes.forEach(owned::remove);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              rows.upsertAll(upserts);
              rows.deleteAll(deletes);
              for (ScanTargetRetired r : retired) {
                outbox.enqueue(Channels.SCAN_TARGET_RETIREMENTS, r.targetId(), now, r);
              }
            });
    // New definitions after the commit: a failed batch is retried whole, and the schedule never
    // runs ahead of the rows the API serves.
    for (Change c : last.values()) {
      if (c instanceof Registered r) {
        owned.upsert(r.targetId(), r.definition().spec(), interval(r.definition()), r.partition());
      }
    }
  }

  private static TargetRows.Row row(Registered r) {
    TargetSpec spec = r.definition().spec();
    return new TargetRows.Row(
        r.targetId(),
        spec.host(),
        spec.port(),
        spec.serverName(),
        spec.starttls().name(),
        spec.allAddresses(),
        spec.labels(),
        r.definition().intervalSeconds(),
        r.event().registeredBy(),
        r.event().registeredAt(),
        spec.expiry().warningDays(),
        spec.expiry().criticalDays(),
        spec.expiry().lifetimePercent());
  }

  static Definition fromEvent(ScanTargetRegistered r) {
    return new Definition(
        new TargetSpec(
            r.host(),
            Objects.requireNonNullElse(r.port(), 0),
            r.serverName(),
            r.labels(),
            StartTls.parse(r.starttls())
                .orElseThrow(
                    () -> new PoisonRecordException("unknown starttls '" + r.starttls() + "'")),
            Boolean.TRUE.equals(r.allAddresses()),
            new ExpiryOverride(r.warningDays(), r.criticalDays(), r.lifetimePercent())),
        r.intervalSeconds());
  }

  private Duration interval(Definition d) {
    return d.intervalSeconds() == null
        ? config.interval()
        : Duration.ofSeconds(d.intervalSeconds());
  }
}
