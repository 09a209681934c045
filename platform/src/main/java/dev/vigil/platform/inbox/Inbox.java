package dev.vigil.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

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
}
