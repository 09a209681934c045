package dev.vigil.incident.messaging;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.incident.config.IncidentConfig;
import dev.vigil.incident.service.AlertEvent;
import dev.vigil.incident.service.IncidentService;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads alert events in batches (one Kafka poll) and hands them to {@link IncidentService}, which
 * applies a batch in one transaction. Poison records (bad envelope, bad JSON, missing identity) are
 * dead-lettered on their own and the rest of the batch is applied. If the batch fails as a whole
 * (one event breaks a rule the parsing cannot see, or a transient failure outlasts the retry), its
 * events are applied one by one, each with its own retry, so only the one that fails goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class AlertConsumer {

  private static final Logger LOG = Logger.getLogger(AlertConsumer.class);
  private static final Set<EventType> ACCEPTED =
      Set.of(EventType.ALERT_FIRED, EventType.ALERT_RESOLVED);

  private final CloudEventCodec codec;
  private final IncidentService service;
  private final IncidentConfig.Consumer config;

  public AlertConsumer(CloudEventCodec codec, IncidentService service, IncidentConfig config) {
    this.codec = codec;
    this.service = service;
    this.config = config.consumer();
  }

  @Incoming(Channels.ALERTS)
  @Blocking
  public CompletionStage<Void> onAlerts(KafkaRecordBatch<String, String> batch) {
    List<AlertEvent> events = new ArrayList<>();
    List<KafkaRecord<String, String>> sources = new ArrayList<>();
    List<CompletableFuture<Void>> rejected = new ArrayList<>();
    for (KafkaRecord<String, String> record : batch.getRecords()) {
      try {
        events.add(read(record));
        sources.add(record);
      } catch (RuntimeException e) {
        rejected.add(reject(record, e));
      }
    }
    try {
      retry(() -> service.onAlerts(events));
    } catch (RuntimeException batchFailure) {
      LOG.warnf(
          "alert batch of %d failed (%s); applying its events one by one",
          events.size(), batchFailure.getMessage());
      for (int i = 0; i < events.size(); i++) {
        AlertEvent event = events.get(i);
        try {
          retry(() -> service.onAlerts(List.of(event)));
        } catch (RuntimeException e) {
          rejected.add(reject(sources.get(i), e));
        }
      }
    }
    return CompletableFuture.allOf(rejected.toArray(CompletableFuture[]::new))
        .thenCompose(x -> batch.ack());
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

  /** Dead-letters one record (failure-strategy dead-letter-queue, with its reason). */
  private static CompletableFuture<Void> reject(
      KafkaRecord<String, String> record, RuntimeException e) {
    LOG.warnf("alert record rejected: %s", e.getMessage());
    return record.nack(e).toCompletableFuture();
  }

  private void retry(Supplier<Integer> work) {
    TransientFailures.retry(work, config.retryFirstDelay(), config.retryMaxDuration());
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new PoisonRecordException(field + " missing");
    }
  }
}
