package dev.vigil.platform.outbox;

import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional outbox: services call {@link #enqueue} inside the transaction that changes
 * their state, so the change and the event commit together or not at all. {@link OutboxRelay}
 * publishes committed events afterwards (at-least-once; consumers deduplicate on the event id).
 */
@ApplicationScoped
public class Outbox {

  private final EntityManager em;
  private final CloudEventCodec codec;
  private final Event<OutboxWritten> written;
  private final String source;

  public Outbox(
      EntityManager em,
      CloudEventCodec codec,
      Event<OutboxWritten> written,
      @ConfigProperty(name = "vigil.events.source") String source) {
    this.em = em;
    this.codec = codec;
    this.written = written;
    this.source = source;
  }

  /**
   * Queues {@code payload} for publication on {@code channel}.
   *
   * @param key Kafka key (and CloudEvent subject): the entity whose order must be kept
   * @param occurredAt when the fact happened
   * @return the CloudEvent id assigned
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String enqueue(String channel, String key, Instant occurredAt, Record payload) {
    OutboxRecord record = new OutboxRecord();
    record.channel = channel;
    record.eventId = UUID.randomUUID().toString();
    record.eventType = EventType.of(payload.getClass()).type();
    record.source = source;
    record.subject = key;
    record.recordKey = key;
    record.occurredAt = occurredAt;
    record.payload = codec.toJson(payload);
    em.persist(record);
    // Wakes the relay once the transaction commits, so events leave without waiting for a poll.
    written.fire(OutboxWritten.INSTANCE);
    return record.eventId;
  }
}
