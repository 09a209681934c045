package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.TimelineEntry;
import dev.vigil.incident.domain.escalation.Escalation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Table {@code incident_escalation} (native SQL: an upsert and a {@code skip locked} claim are what
 * this table is for) and the escalation's timeline entries.
 */
@ApplicationScoped
public class EscalationStore {

  private static final String COLUMNS =
      "incident_id, policy, state, level, next_step, due_at, triggered_at, last_escalated_at,"
          + " ended_by";

  private final EntityManager em;
  private final TimelineEntryRepository timeline;

  public EscalationStore(EntityManager em, TimelineEntryRepository timeline) {
    this.em = em;
    this.timeline = timeline;
  }

  public Optional<Escalation> find(UUID incidentId) {
    return rows(
            em.createNativeQuery(
                    "select " + COLUMNS + " from incident_escalation where incident_id = ?1")
                .setParameter(1, incidentId)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** Incidents whose next step is due, oldest due first; not locked (see {@link #claimDue}). */
  @SuppressWarnings("unchecked")
  public List<UUID> dueIncidents(Instant now, int limit) {
    List<Object> ids =
        em.createNativeQuery(
                "select incident_id from incident_escalation where state = 'PENDING'"
                    + " and due_at <= ?1 order by due_at limit ?2")
            .setParameter(1, now)
            .setParameter(2, limit)
            .getResultList();
    return ids.stream().map(id -> (UUID) id).toList();
  }

  /**
   * Locks the incident's escalation if it is due, skipping a row another replica holds: whoever
   * holds it escalates, the other moves on, so a step is never escalated twice.
   */
  public Optional<Escalation> claimDue(UUID incidentId, Instant now) {
    return rows(
            em.createNativeQuery(
                    "select "
                        + COLUMNS
                        + " from incident_escalation where incident_id = ?1 and state = 'PENDING'"
                        + " and due_at <= ?2 for update skip locked")
                .setParameter(1, incidentId)
                .setParameter(2, now)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** Inserts or replaces the incident's escalation. */
  public void save(Escalation e) {
    em.createNativeQuery(
            "insert into incident_escalation ("
                + COLUMNS
                + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (incident_id) do update"
                + " set policy = excluded.policy, state = excluded.state, level = excluded.level,"
                + " next_step = excluded.next_step, due_at = excluded.due_at,"
                + " triggered_at = excluded.triggered_at,"
                + " last_escalated_at = excluded.last_escalated_at, ended_by = excluded.ended_by")
        .unwrap(NativeQuery.class)
        .setParameter(1, e.incidentId(), UUID.class)
        .setParameter(2, e.policy(), String.class)
        .setParameter(3, e.state().name(), String.class)
        .setParameter(4, e.level(), Integer.class)
        .setParameter(5, e.nextStep(), Integer.class)
        // Typed binds: a null must still reach PostgreSQL as a timestamptz / varchar.
        .setParameter(6, e.dueAt(), Instant.class)
        .setParameter(7, e.triggeredAt(), Instant.class)
        .setParameter(8, e.lastEscalatedAt(), Instant.class)
        .setParameter(9, e.endedBy(), String.class)
        .executeUpdate();
  }

  /** Appends a timeline entry outside the incident aggregate (escalation does not change it). */
  public void appendTimeline(UUID incidentId, TimelineEntry entry) {
    timeline.persist(TimelineEntryEntity.of(incidentId, entry));
  }

  private static List<Escalation> rows(List<?> result) {
    return result.stream()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              return new Escalation(
                  (UUID) row[0],
                  (String) row[1],
                  Escalation.State.valueOf((String) row[2]),
                  ((Number) row[3]).intValue(),
                  ((Number) row[4]).intValue(),
                  instant(row[5]),
                  instant(row[6]),
                  instant(row[7]),
                  (String) row[8]);
            })
        .toList();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
