package dev.vigil.scanner.messaging;

import dev.vigil.events.EventType;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.messaging.BatchConsumption;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import dev.vigil.scanner.service.TargetIntake;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads this replica's partitions of the targets topic, a poll at a time. A definition makes the
 * target this replica's to scan; a tombstone removes it. A malformed or invalid record is
 * dead-lettered on its own (reason in {@code dead-letter-reason}) and the rest of its batch is
 * applied in one transaction; if that fails, record by record ({@link BatchConsumption}). Replays
 * after a rebalance are harmless: applying the same definition twice changes nothing.
 */
@ApplicationScoped
public class TargetsConsumer {

  private static final BatchConsumption.Retry RETRY = BatchConsumption.Retry.DEFAULT;

  private final CloudEventCodec codec;
  private final TargetIntake intake;

  public TargetsConsumer(CloudEventCodec codec, TargetIntake intake) {
    this.codec = codec;
    this.intake = intake;
  }

  @Incoming(Channels.SCAN_TARGETS)
  @Blocking
  public CompletionStage<Void> onTargets(KafkaRecordBatch<String, String> batch) {
    return BatchConsumption.consume("target record", batch, this::change, intake::apply, RETRY);
  }

  private TargetIntake.Change change(KafkaRecord<String, String> record) {
    if (record.getPayload() == null) {
      if (record.getKey() == null) {
        throw new PoisonRecordException("tombstone without a key");
      }
      return intake.removed(record.getKey());
    }
    IncomingCloudEvent event = codec.read(record, Set.of(EventType.SCAN_TARGET_REGISTERED));
    ScanTargetRegistered target = codec.payload(event, ScanTargetRegistered.class);
    TargetIntake.Registered registered = intake.registered(target, record.getPartition());
    if (event.key() == null || !event.key().equals(target.targetId())) {
      throw new PoisonRecordException("record key must equal targetId");
    }
    return registered;
  }
}
