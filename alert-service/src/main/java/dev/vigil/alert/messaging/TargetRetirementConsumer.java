package dev.vigil.alert.messaging;

import dev.vigil.alert.Channels;
import dev.vigil.alert.service.TargetRetirements;
import dev.vigil.events.EventType;
import dev.vigil.events.ScanTargetRetired;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code ScanTargetRetired} CloudEvents (a scan target was deleted) and resolves the target's
 * alerts through {@link TargetRetirements}. Poison records go to the dead-letter topic.
 */
@ApplicationScoped
public class TargetRetirementConsumer {

  private static final Logger LOG = Logger.getLogger(TargetRetirementConsumer.class);

  private final CloudEventCodec codec;
  private final TargetRetirements retirements;

  public TargetRetirementConsumer(CloudEventCodec codec, TargetRetirements retirements) {
    this.codec = codec;
    this.retirements = retirements;
  }

  @Incoming(Channels.SCAN_TARGET_RETIREMENTS)
  @Blocking
  public CompletionStage<Void> onRetired(Message<String> message) {
    try {
      IncomingCloudEvent ce = codec.read(message, Set.of(EventType.SCAN_TARGET_RETIRED));
      ScanTargetRetired retired = codec.payload(ce, ScanTargetRetired.class);
      if (retired.targetId() == null || retired.targetId().isBlank()) {
        throw new PoisonRecordException("targetId missing");
      }
      TransientFailures.retry(
          () -> retirements.retire(ce.id(), retired),
          Duration.ofMillis(200),
          Duration.ofSeconds(60));
      return message.ack();
    } catch (RuntimeException e) {
      LOG.warnf("target retirement rejected: %s", e.getMessage());
      return message.nack(e);
    }
  }
}
