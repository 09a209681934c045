package dev.vigil.incident.messaging;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.incident.config.IncidentConfig;
import dev.vigil.incident.service.AlertBatches;
import dev.vigil.incident.service.AlertEvent;
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
 * Reads alert events in batches (one Kafka poll) and hands them to {@link AlertBatches}, which
 * applies them in as few transactions as its time budget allows. The shape is the platform's {@link
 * BatchConsumption}: poison records (bad envelope, bad JSON, missing identity) are dead-lettered on
 * their own and the rest is applied; transient failures are retried; if the batch still fails (an
 * event breaks a rule the parsing cannot see, a transaction timed out), its events are replayed one
 * by one, so only one that fails on its own goes to the dead-letter topic and the channel goes on.
 */
@ApplicationScoped
public class AlertConsumer {

  private static final Set<EventType> ACCEPTED =
      Set.of(EventType.ALERT_FIRED, EventType.ALERT_RESOLVED);

  private final CloudEventCodec codec;
  private final AlertBatches batches;
  private final BatchConsumption.Retry retry;

  public AlertConsumer(CloudEventCodec codec, AlertBatches batches, IncidentConfig config) {
    this.codec = codec;
    this.batches = batches;
    this.retry =
        new BatchConsumption.Retry(
            config.consumer().retryFirstDelay(), config.consumer().retryMaxDuration());
  }

  @Incoming(Channels.ALERTS)
  @Blocking
  public CompletionStage<Void> onAlerts(KafkaRecordBatch<String, String> batch) {
    batches.pollStarted();
    try {
      return BatchConsumption.consume("alert event", batch, this::read, batches::apply, retry);
    } finally {
      batches.pollFinished();
    }
  }

  private AlertEvent read(KafkaRecord<String, String> record) {
    IncomingCloudEvent ce = codec.read(record, ACCEPTED);
    return switch (ce.type()) {
      case ALERT_FIRED -> {
        AlertFired fired = codec.payload(ce, AlertFired.class);
        require(fired.fingerprint(), "fingerprint");
        require(fired.groupKey(), "groupKey");
        if (fired.severity() == null) {
          throw new PoisonRecordException("AlertFired severity missing");
        }
        yield AlertEvent.of(ce.id(), fired);
      }
      case ALERT_RESOLVED -> {
        AlertResolved resolved = codec.payload(ce, AlertResolved.class);
        require(resolved.fingerprint(), "fingerprint");
        yield AlertEvent.of(ce.id(), resolved);
      }
      default -> throw new PoisonRecordException("unexpected ce_type " + ce.type().type());
    };
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new PoisonRecordException(field + " missing");
    }
  }
}
