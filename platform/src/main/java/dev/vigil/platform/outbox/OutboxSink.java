package dev.vigil.platform.outbox;

import dev.vigil.platform.messaging.OutgoingEvent;
import io.smallrye.mutiny.Uni;

/**
 * Where the outbox relay publishes. Each service implements it in its {@code messaging} package
 * with one emitter per outgoing channel; the returned {@link Uni} completes when the broker has
 * acknowledged the record.
 */
public interface OutboxSink {

  Uni<Void> publish(String channel, OutgoingEvent event);
}
