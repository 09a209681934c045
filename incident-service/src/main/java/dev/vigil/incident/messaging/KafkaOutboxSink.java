package dev.vigil.incident.messaging;

import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import dev.vigil.platform.outbox.OutboxSink;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Where the platform's outbox relay publishes incident events. */
@ApplicationScoped
public class KafkaOutboxSink implements OutboxSink {

  private final MutinyEmitter<String> incidents;
  private final MutinyEmitter<String> credits;
  private final MutinyEmitter<String> escalations;
  private final CloudEventCodec codec;

  public KafkaOutboxSink(
      @Channel(Channels.INCIDENTS) MutinyEmitter<String> incidents,
      @Channel(Channels.SERVICE_CREDITS) MutinyEmitter<String> credits,
      @Channel(Channels.INCIDENT_ESCALATIONS) MutinyEmitter<String> escalations,
      CloudEventCodec codec) {
    this.incidents = incidents;
    this.credits = credits;
    this.escalations = escalations;
    this.codec = codec;
  }

  @Override
  public Uni<Void> publish(String channel, OutgoingEvent event) {
    return switch (channel) {
      case Channels.INCIDENTS -> incidents.sendMessage(codec.toMessage(event));
      case Channels.SERVICE_CREDITS -> credits.sendMessage(codec.toMessage(event));
      case Channels.INCIDENT_ESCALATIONS -> escalations.sendMessage(codec.toMessage(event));
      // The row stays in the outbox and the relay logs the failure: better than losing it.
      default ->
          Uni.createFrom()
              .failure(new IllegalArgumentException("no outgoing channel '" + channel + "'"));
    };
  }
}
