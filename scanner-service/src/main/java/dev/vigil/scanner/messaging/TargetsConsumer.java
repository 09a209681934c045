package dev.vigil.scanner.messaging;

import dev.vigil.events.EventType;
import dev.vigil.events.ScanTargetRegistered;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import dev.vigil.scanner.service.TargetIntake;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads this replica's partitions of the targets topic, a poll at a time. A definition makes the
 * target this replica's to scan; a tombstone removes it. A malformed or invalid record is
 * dead-lettered on its own (reason in {@code dead-letter-reason}) and the rest of its batch is
 * applied in one transaction. Replays after a rebalance are harmless: applying the same definition
 * twice changes nothing.
 */
@ApplicationScoped
public class TargetsConsumer {

  private static final Logger LOG = Logger.getLogger(TargetsConsumer.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration RETRY_FOR = Duration.ofSeconds(60);

  private final CloudEventCodec codec;
  private final TargetIntake intake;

  public TargetsConsumer(CloudEventCodec codec, TargetIntake intake) {
    this.codec = codec;
    this.intake = intake;
  }

  @Incoming(Channels.SCAN_TARGETS)
  @Blocking
  public CompletionStage<Void> onTargets(KafkaRecordBatch<String, String> batch) {
    List<KafkaRecord<String, String>> accepted = new ArrayList<>();
    List<TargetIntake.Change> changes = new ArrayList<>();
    List<CompletableFuture<Void>> rejected = new ArrayList<>();
    for (KafkaRecord<String, String> record : batch.getRecords()) {
      try {
        changes.add(change(record));
        accepted.add(record);
      } catch (RuntimeException e) {
        rejected.add(reject(record, e));
      }
    }
    try {
      TransientFailures.retry(() -> intake.apply(changes), FIRST_RETRY, RETRY_FOR);
    } catch (RuntimeException e) {
      if (TransientFailures.isTransient(e)) {
        LOG.errorf("target batch could not be stored: %s", e.getMessage());
        return batch.nack(e);
      }
      // One record the checks let through still broke the batch (a database constraint, say):
      // apply them one by one so that only that record is dead-lettered.
      LOG.warnf("target batch failed (%s); applying its records one by one", e.getMessage());
      for (int i = 0; i < changes.size(); i++) {
        TargetIntake.Change change = changes.get(i);
        try {
          TransientFailures.retry(() -> intake.apply(List.of(change)), FIRST_RETRY, RETRY_FOR);
        } catch (RuntimeException single) {
          rejected.add(reject(accepted.get(i), single));
        }
      }
    }
    return CompletableFuture.allOf(rejected.toArray(CompletableFuture[]::new))
        .thenCompose(x -> batch.ack());
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

  private static CompletableFuture<Void> reject(KafkaRecord<String, String> record, Exception e) {
    LOG.warnf("target record rejected: %s", e.getMessage());
    return record.nack(e).toCompletableFuture();
  }
}
