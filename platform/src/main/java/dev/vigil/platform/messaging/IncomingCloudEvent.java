package dev.vigil.platform.messaging;

import dev.vigil.events.EventType;
import java.time.Instant;

/**
 * A CloudEvent read from Kafka in binary mode: the {@code ce_*} headers plus the raw data.
 *
 * @param id {@code ce_id}; consumers deduplicate on it
 * @param type the known event type of {@code ce_type}
 * @param source {@code ce_source}
 * @param subject {@code ce_subject}, may be {@code null}
 * @param time {@code ce_time}, may be {@code null}
 * @param key the Kafka record key, may be {@code null}
 * @param data the JSON payload
 */
public record IncomingCloudEvent(
    String id,
    EventType type,
    String source,
    String subject,
    Instant time,
    String key,
    String data) {}
