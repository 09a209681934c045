package dev.vigil.platform.outbox;

import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The transactional outbox: services call {@link #enqueue} inside the transaction that changes
 * their state, so the change and the event commit together or not at all. {@link OutboxRelay}
 * publishes committed events afterwards (at-least-once; consumers deduplicate on the event id).
 * {@link #enqueueAll} queues many events in one round trip, for services that write a whole batch
 * of changes per transaction.
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

  /**
   * One event for {@link #enqueueAll}.
   *
   * @param key Kafka key (and CloudEvent subject): the entity whose order must be kept
   * @param occurredAt when the fact happened
   */
  public record Entry(String key, Instant occurredAt, Record payload) {}

  /**
   * {@link #enqueue} for many events in one JDBC batch (one round trip instead of one per event):
   * the same rows, in the order given, so the relay publishes them in that order.
   *
   * @return the CloudEvent ids assigned, in the order of {@code entries}
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<String> enqueueAll(String channel, List<Entry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(entries.size());
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into outbox_event (channel, event_id, event_type, source, subject,"
                          + " record_key, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry e : entries) {
                  String id = UUID.randomUUID().toString();
                  ids.add(id);
                  insert.setString(1, channel);
                  insert.setString(2, id);
                  insert.setString(3, EventType.of(e.payload().getClass()).type());
                  insert.setString(4, source);
                  insert.setString(5, e.key());
                  insert.setString(6, e.key());
                  insert.setObject(7, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
                  insert.setString(8, codec.toJson(e.payload()));
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
    written.fire(OutboxWritten.INSTANCE);
    return ids;
  }
}
