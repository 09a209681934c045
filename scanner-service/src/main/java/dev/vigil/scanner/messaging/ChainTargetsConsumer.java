package dev.vigil.scanner.messaging;

import dev.vigil.events.ApiRegistered;
import dev.vigil.events.ChainRegistered;
import dev.vigil.events.EventType;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import dev.vigil.scanner.chain.ChainTargetsApplier;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads this replica's partitions of the chain-targets topic: a chain (with all its providers) or
 * an API becomes this replica's to probe; a tombstone removes it. Invalid definitions from other
 * systems go to the dead-letter topic. Replays after a rebalance change nothing.
 */
@ApplicationScoped
public class ChainTargetsConsumer {

  private static final Logger LOG = Logger.getLogger(ChainTargetsConsumer.class);

  private final CloudEventCodec codec;
  private final ChainTargetsApplier applier;
  private final String ownSource;

  public ChainTargetsConsumer(
      CloudEventCodec codec,
      ChainTargetsApplier applier,
      @ConfigProperty(name = "vigil.events.source") String ownSource) {
    this.codec = codec;
    this.applier = applier;
    this.ownSource = ownSource;
  }

  @Incoming(Channels.CHAIN_TARGETS)
  @Blocking
  public CompletionStage<Void> onDefinition(Message<String> message) {
    try {
      IncomingKafkaRecordMetadata<?, ?> kafka =
          message
              .getMetadata(IncomingKafkaRecordMetadata.class)
              .orElseThrow(() -> new PoisonRecordException("not a Kafka record"));
      int partition = kafka.getPartition();
      Object key = kafka.getKey();
      if (key == null) {
        throw new PoisonRecordException("record without a key");
      }
      String k = key.toString();
      if (message.getPayload() == null) {
        retry(() -> applier.removed(k));
        return message.ack();
      }
      IncomingCloudEvent event =
          codec.read(message, Set.of(EventType.CHAIN_REGISTERED, EventType.API_REGISTERED));
      // Definitions made over this service's REST API are in the tables already (written before
      // they were published). Storing them again from the topic could bring back a chain that was
      // deleted meanwhile, so only other systems' definitions are stored here.
      boolean store = !ownSource.equals(event.source());
      if (event.type() == EventType.CHAIN_REGISTERED) {
        ChainRegistered chain = codec.payload(event, ChainRegistered.class);
        requireKey(k, ChainTargetPublisher.CHAIN_KEY_PREFIX + chain.chainId());
        retry(() -> applier.chainOnTopic(chain, partition, store));
      } else {
        ApiRegistered api = codec.payload(event, ApiRegistered.class);
        requireKey(k, ChainTargetPublisher.API_KEY_PREFIX + api.apiId());
        retry(() -> applier.apiOnTopic(api, partition, store));
      }
      return message.ack();
    } catch (RuntimeException e) {
      LOG.warnf("chain-target record rejected: %s", e.getMessage());
      return message.nack(e);
    }
  }

  private static void requireKey(String key, String expected) {
    if (!key.equals(expected)) {
      throw new PoisonRecordException("record key must be " + expected);
    }
  }

  private static void retry(Runnable work) {
    TransientFailures.retry(work, Duration.ofMillis(200), Duration.ofSeconds(60));
  }
}
