package dev.vigil.scanner.messaging;

import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import dev.vigil.platform.outbox.OutboxSink;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Where the platform's outbox relay publishes the scanner's events that must not be lost: today
 * only {@code ScanTargetRetired} (an alert of a deleted target would otherwise stay open forever).
 * Scans are published directly: a lost scan is redone at the next interval.
 */
@ApplicationScoped
public class ScannerOutboxSink implements OutboxSink {

  private final CloudEventCodec codec;
  private final MutinyEmitter<String> retirements;

  public ScannerOutboxSink(
      CloudEventCodec codec,
      @Channel(Channels.SCAN_TARGET_RETIREMENTS) MutinyEmitter<String> retirements) {
    this.codec = codec;
    this.retirements = retirements;
  }

  @Override
  public Uni<Void> publish(String channel, OutgoingEvent event) {
    if (!Channels.SCAN_TARGET_RETIREMENTS.equals(channel)) {
      return Uni.createFrom()
          .failure(new IllegalArgumentException("scanner-service has no channel " + channel));
    }
    return retirements.sendMessage(codec.toMessage(event));
  }
}
