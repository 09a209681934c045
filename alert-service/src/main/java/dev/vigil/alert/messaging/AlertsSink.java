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
  private final MutinyEmitter<String> riskControls;

  public AlertsSink(
      CloudEventCodec codec,
      @Channel(Channels.ALERTS) MutinyEmitter<String> alerts,
      @Channel(Channels.RISK_CONTROLS) MutinyEmitter<String> riskControls) {
    this.codec = codec;
    this.alerts = alerts;
    this.riskControls = riskControls;
  }

  @Override
  public Uni<Void> publish(String channel, OutgoingEvent event) {
    if (Channels.RISK_CONTROLS.equals(channel)) {
      return riskControls.sendMessage(codec.toMessage(event));
    }
    if (!Channels.ALERTS.equals(channel)) {
      return Uni.createFrom()
          .failure(new IllegalArgumentException("alert-service has no channel " + channel));
    }
    return alerts.sendMessage(codec.toMessage(event));
  }
}
