package dev.vigil.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;

/**
 * Makes consumers idempotent. A consumer calls {@link #firstDelivery} inside the transaction that
 * applies an event: the mark and the effect commit together, so a redelivered event (at-least-once
 * delivery, a rebalance, a restart) is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

  private final EntityManager em;
  private final Clock clock;

  public Inbox(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * Records that {@code consumer} is applying event {@code eventId}.
   *
   * @return {@code true} the first time, {@code false} for a duplicate
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String eventId) {
    int inserted =
        em.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, ?3)"
                    + " on conflict do nothing")
            .setParameter(1, consumer)
            .setParameter(2, eventId)
            .setParameter(3, Instant.now(clock))
            .executeUpdate();
    return inserted == 1;
  }

  /**
   * {@link #firstDelivery} for a whole batch in one statement: one round trip instead of one per
   * event.
   *
   * @return the ids seen for the first time; an id repeated within {@code eventIds} counts once
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              Set<String> first = new HashSet<>();
              Array ids = connection.createArrayOf("varchar", eventIds.toArray());
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into processed_event (consumer, event_id, processed_at)"
                          + " select ?, id, ? from unnest(?) as ids(id)"
                          + " on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setObject(2, now);
                insert.setArray(3, ids);
                try (ResultSet rows = insert.executeQuery()) {
                  while (rows.next()) {
                    first.add(rows.getString(1));
                  }
                }
              } finally {
                ids.free();
              }
              return first;
            });
  }
}
