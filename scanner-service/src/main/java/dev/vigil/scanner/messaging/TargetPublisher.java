package dev.vigil.scanner.messaging;

import dev.vigil.events.EventType;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
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
    emitter.sendMessage(message(target)).await().atMost(ACK_TIMEOUT);
  }

  /**
   * Sends all definitions at once and waits for every ack: one wait for the batch instead of one
   * per target. Fails if any is not acknowledged.
   */
  public void registeredAll(List<ScanTargetRegistered> targets) {
    if (targets.isEmpty()) {
      return;
    }
    List<Uni<Void>> acks = targets.stream().map(t -> emitter.sendMessage(message(t))).toList();
    Uni.join().all(acks).andCollectFailures().await().atMost(ACK_TIMEOUT);
  }

  private Message<String> message(ScanTargetRegistered target) {
    OutgoingEvent event =
        new OutgoingEvent(
            UUID.randomUUID().toString(),
            EventType.SCAN_TARGET_REGISTERED,
            source,
            target.targetId(),
            target.registeredAt(),
            target.targetId(),
            codec.toJson(target));
    return codec.toMessage(event);
  }

  /** A tombstone: compaction eventually drops the target from the topic altogether. */
  public void removed(String targetId) {
    Message<String> tombstone =
        Message.<String>of(null)
            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(targetId).build());
    emitter.sendMessage(tombstone).await().atMost(ACK_TIMEOUT);
  }
}
