package dev.vigil.scanner.messaging;

import dev.vigil.events.EventType;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
   * Sends all definitions at once and waits for their acks together: one wait for the batch instead
   * of one per target. Call it outside a transaction (the acks arrive on the producer's threads).
   *
   * @return the ids of the definitions the broker did not acknowledge in time; empty when all were
   */
  public List<String> registeredAll(List<ScanTargetRegistered> targets) {
    List<CompletableFuture<Void>> acks =
        targets.stream()
            .map(t -> emitter.sendMessage(message(t)).subscribeAsCompletionStage())
            .toList();
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Some failed or are late: they are told apart below.
    }
    List<String> unacknowledged = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      CompletableFuture<Void> ack = acks.get(i);
      if (!ack.isDone() || ack.isCompletedExceptionally()) {
        unacknowledged.add(targets.get(i).targetId());
      }
    }
    return unacknowledged;
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
