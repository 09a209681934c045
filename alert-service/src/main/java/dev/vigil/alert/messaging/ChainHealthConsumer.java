package dev.vigil.alert.messaging;

import dev.vigil.alert.Channels;
import dev.vigil.alert.rules.FactSheets;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.BatchConsumption;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ChainHealthObserved} CloudEvents (chains and APIs) into {@link AlertService}, one
 * transaction per poll ({@link BatchConsumption}).
 */
@ApplicationScoped
public class ChainHealthConsumer {

  private final CloudEventCodec codec;
  private final AlertService service;

  public ChainHealthConsumer(CloudEventCodec codec, AlertService service) {
    this.codec = codec;
    this.service = service;
  }

  @Incoming(Channels.CHAIN_HEALTH)
  @Blocking
  public CompletionStage<Void> onObservations(KafkaRecordBatch<String, String> batch) {
    return BatchConsumption.consume(
        "chain health observation",
        batch,
        this::decode,
        observations -> service.applyAll(AlertService.CHAIN_HEALTH_CONSUMER, observations),
        BatchConsumption.Retry.DEFAULT);
  }

  private AlertService.Inbound decode(KafkaRecord<String, String> record) {
    IncomingCloudEvent ce = codec.read(record, Set.of(EventType.CHAIN_HEALTH_OBSERVED));
    ChainHealthObserved observation = codec.payload(ce, ChainHealthObserved.class);
    validate(observation);
    return new AlertService.Inbound(ce.id(), FactSheets.chain(observation));
  }

  /** Fields without which no alert can be identified. */
  static void validate(ChainHealthObserved o) {
    if (o.providerId() == null || o.providerId().isBlank()) {
      throw new PoisonRecordException("providerId missing");
    }
    if (o.chainId() == null || o.chainId().isBlank()) {
      throw new PoisonRecordException("chainId missing");
    }
    if (o.status() == null) {
      throw new PoisonRecordException("status missing");
    }
  }
}
