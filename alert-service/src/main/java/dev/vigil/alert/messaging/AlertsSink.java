package dev.vigil.alert.messaging;

import dev.vigil.alert.Channels;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import dev.vigil.platform.outbox.OutboxSink;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Where the platform's outbox relay publishes this service's events. */
@ApplicationScoped
public class AlertsSink implements OutboxSink {

  private final CloudEventCodec codec;
  private final MutinyEmitter<String> alerts;

  public AlertsSink(CloudEventCodec codec, @Channel(Channels.ALERTS) MutinyEmitter<String> alerts) {
    this.codec = codec;
    this.alerts = alerts;
  }

  @Override
  public Uni<Void> publish(String channel, OutgoingEvent event) {
    if (!Channels.ALERTS.equals(channel)) {
      return Uni.createFrom()
          .failure(new IllegalArgumentException("alert-service has no channel " + channel));
    }
    return alerts.sendMessage(codec.toMessage(event));
  }
}
