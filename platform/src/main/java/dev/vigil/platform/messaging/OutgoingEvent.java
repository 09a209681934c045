package dev.vigil.platform.messaging;

import dev.vigil.events.EventType;
import java.time.Instant;

/**
 * An event ready to be published: CloudEvent attributes, Kafka key and JSON data.
 *
 * @param id CloudEvent id, unique per event
 * @param type event type
 * @param source CloudEvent source, e.g. {@code /vigil/alert-service}
 * @param subject CloudEvent subject: the entity the event is about
 * @param time when the fact happened
 * @param key Kafka record key: keeps one entity's events in order
 * @param data JSON payload
 */
public record OutgoingEvent(
    String id,
    EventType type,
    String source,
    String subject,
    Instant time,
    String key,
    String data) {}
