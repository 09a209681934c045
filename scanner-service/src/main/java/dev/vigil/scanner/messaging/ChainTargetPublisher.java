package dev.vigil.scanner.messaging;

import dev.vigil.events.ApiRegistered;
import dev.vigil.events.ChainRegistered;
import dev.vigil.events.EventType;
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
 * Writes chain and API definitions to the compacted chain-targets topic and waits for the ack.
 * Keys: {@code chain:<chainId>} (the whole chain, all providers) and {@code api:<apiId>}.
 */
@ApplicationScoped
public class ChainTargetPublisher {

  public static final String CHAIN_KEY_PREFIX = "chain:";
  public static final String API_KEY_PREFIX = "api:";
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final MutinyEmitter<String> emitter;
  private final CloudEventCodec codec;
  private final String source;

  public ChainTargetPublisher(
      @Channel(Channels.CHAIN_TARGET_UPDATES) MutinyEmitter<String> emitter,
      CloudEventCodec codec,
      @ConfigProperty(name = "vigil.events.source") String source) {
    this.emitter = emitter;
    this.codec = codec;
    this.source = source;
  }

  public void chain(ChainRegistered chain) {
    send(
        EventType.CHAIN_REGISTERED,
        CHAIN_KEY_PREFIX + chain.chainId(),
        chain,
        chain.registeredAt());
  }

  public void api(ApiRegistered api) {
    send(EventType.API_REGISTERED, API_KEY_PREFIX + api.apiId(), api, api.registeredAt());
  }

  public void chainRemoved(String chainId) {
    tombstone(CHAIN_KEY_PREFIX + chainId);
  }

  public void apiRemoved(String apiId) {
    tombstone(API_KEY_PREFIX + apiId);
  }

  private void send(EventType type, String key, Record payload, java.time.Instant at) {
    OutgoingEvent event =
        new OutgoingEvent(
            UUID.randomUUID().toString(), type, source, key, at, key, codec.toJson(payload));
    emitter.sendMessage(codec.toMessage(event)).await().atMost(ACK_TIMEOUT);
  }

  private void tombstone(String key) {
    Message<String> tombstone =
        Message.<String>of(null)
            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    emitter.sendMessage(tombstone).await().atMost(ACK_TIMEOUT);
  }
}
