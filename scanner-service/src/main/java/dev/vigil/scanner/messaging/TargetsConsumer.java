package dev.vigil.scanner.messaging;

import dev.vigil.events.EventType;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import dev.vigil.scanner.service.TargetService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads this replica's partitions of the targets topic. A definition makes the target this
 * replica's to scan; a tombstone removes it. Replays after a rebalance are harmless: applying the
 * same definition twice changes nothing.
 */
@ApplicationScoped
public class TargetsConsumer {

  private static final Logger LOG = Logger.getLogger(TargetsConsumer.class);

  private final CloudEventCodec codec;
  private final TargetService targets;

  public TargetsConsumer(CloudEventCodec codec, TargetService targets) {
    this.codec = codec;
    this.targets = targets;
  }

  @Incoming(Channels.SCAN_TARGETS)
  @Blocking
  public CompletionStage<Void> onTarget(Message<String> message) {
    try {
      IncomingKafkaRecordMetadata<?, ?> kafka =
          message
              .getMetadata(IncomingKafkaRecordMetadata.class)
              .orElseThrow(() -> new PoisonRecordException("not a Kafka record"));
      int partition = kafka.getPartition();
      if (message.getPayload() == null) {
        Object key = kafka.getKey();
        if (key == null) {
          throw new PoisonRecordException("tombstone without a key");
        }
        TransientFailures.retry(
            () -> targets.removedFromTopic(key.toString()),
            Duration.ofMillis(200),
            Duration.ofSeconds(60));
        return message.ack();
      }
      IncomingCloudEvent event = codec.read(message, Set.of(EventType.SCAN_TARGET_REGISTERED));
      ScanTargetRegistered target = codec.payload(event, ScanTargetRegistered.class);
      if (target.targetId() == null
          || target.targetId().isBlank()
          || target.targetId().length() > 200) {
        throw new PoisonRecordException("targetId must be 1 to 200 characters");
      }
      if (event.key() == null || !event.key().equals(target.targetId())) {
        throw new PoisonRecordException("record key must equal targetId");
      }
      TransientFailures.retry(
          () -> targets.registeredOnTopic(target, partition),
          Duration.ofMillis(200),
          Duration.ofSeconds(60));
      return message.ack();
    } catch (RuntimeException e) {
      LOG.warnf("target record rejected: %s", e.getMessage());
      return message.nack(e);
    }
  }
}
