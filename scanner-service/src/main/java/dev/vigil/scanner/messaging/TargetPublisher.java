package dev.vigil.scanner.messaging;

import dev.vigil.events.EventType;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes target definitions to the compacted targets topic and waits for the broker's ack: the
 * topic is the source of truth that scanner replicas divide among themselves.
 */
@ApplicationScoped
public class TargetPublisher {

  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final MutinyEmitter<String> emitter;
  private final CloudEventCodec codec;
  private final String source;

  public TargetPublisher(
      @Channel(Channels.SCAN_TARGET_UPDATES) MutinyEmitter<String> emitter,
      CloudEventCodec codec,
      @ConfigProperty(name = "vigil.events.source") String source) {
    this.emitter = emitter;
    this.codec = codec;
    this.source = source;
  }

  public void registered(ScanTargetRegistered target) {
    OutgoingEvent event =
        new OutgoingEvent(
            UUID.randomUUID().toString(),
            EventType.SCAN_TARGET_REGISTERED,
            source,
            target.targetId(),
            target.registeredAt(),
            target.targetId(),
            codec.toJson(target));
    emitter.sendMessage(codec.toMessage(event)).await().atMost(ACK_TIMEOUT);
  }

  /** A tombstone: compaction eventually drops the target from the topic altogether. */
  public void removed(String targetId) {
    Message<String> tombstone =
        Message.<String>of(null)
            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(targetId).build());
    emitter.sendMessage(tombstone).await().atMost(ACK_TIMEOUT);
  }
}
