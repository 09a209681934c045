package dev.vigil.alert.messaging.breaker;

import dev.vigil.alert.Channels;
import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.alert.service.breaker.BreakerIntake;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
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
 * Reads the alerts topic for the circuit breakers, in batches (one transaction per poll). Its own
 * consumer group, so the rule engine's hot path pays nothing for breakers, and alerts from any
 * producer (rules, Alertmanager's API, other systems) open them alike. A poison record is
 * dead-lettered on its own; the rest of its batch is applied.
 */
@ApplicationScoped
public class AlertBreakerConsumer {

  private static final Logger LOG = Logger.getLogger(AlertBreakerConsumer.class);
  private static final Set<EventType> TYPES =
      Set.of(EventType.ALERT_FIRED, EventType.ALERT_RESOLVED);

  private final CloudEventCodec codec;
  private final BreakerIntake intake;

  public AlertBreakerConsumer(CloudEventCodec codec, BreakerIntake intake) {
    this.codec = codec;
    this.intake = intake;
  }

  @Incoming(Channels.ALERT_BREAKERS)
  @Blocking
  public CompletionStage<Void> onAlerts(KafkaRecordBatch<String, String> batch) {
    List<AlertChange> changes = new ArrayList<>();
    List<KafkaRecord<String, String>> applied = new ArrayList<>();
    List<CompletableFuture<Void>> poisoned = new ArrayList<>();
    for (KafkaRecord<String, String> record : batch.getRecords()) {
      try {
        AlertChange change = change(record);
        intake.check(change);
        changes.add(change);
        applied.add(record);
      } catch (RuntimeException e) {
        poisoned.add(deadLetter(record, e));
      }
    }
    try {
      apply(changes);
    } catch (RuntimeException e) {
      if (TransientFailures.isTransient(e)) {
        LOG.errorf(e, "alert batch could not be applied to the breakers: %s", e.getMessage());
        return batch.nack(e);
      }
      // Something the checks did not foresee fails the whole transaction: apply the records one
      // by one so that only the bad one is dead-lettered (rare; the inbox skips nothing twice).
      LOG.warnf("alert batch failed (%s); applying its records one by one", e.getMessage());
      for (int i = 0; i < changes.size(); i++) {
        try {
          apply(List.of(changes.get(i)));
        } catch (RuntimeException one) {
          if (TransientFailures.isTransient(one)) {
            return batch.nack(one);
          }
          poisoned.add(deadLetter(applied.get(i), one));
        }
      }
    }
    return CompletableFuture.allOf(poisoned.toArray(CompletableFuture[]::new))
        .thenCompose(x -> batch.ack());
  }

  private void apply(List<AlertChange> changes) {
    TransientFailures.retry(
        () -> intake.apply(changes), Duration.ofMillis(200), Duration.ofSeconds(60));
  }

  private static CompletableFuture<Void> deadLetter(
      KafkaRecord<String, String> record, RuntimeException e) {
    LOG.warnf("alert event rejected by the breakers: %s", e.getMessage());
    return record.nack(e).toCompletableFuture();
  }

  private AlertChange change(KafkaRecord<String, String> record) {
    IncomingCloudEvent ce = codec.read(record, TYPES);
    if (ce.type() == EventType.ALERT_FIRED) {
      AlertFired fired = codec.payload(ce, AlertFired.class);
      require(fired.fingerprint(), "fingerprint");
      require(fired.startsAt(), "startsAt");
      return AlertChange.fired(ce.id(), fired);
    }
    AlertResolved resolved = codec.payload(ce, AlertResolved.class);
    require(resolved.fingerprint(), "fingerprint");
    require(resolved.resolvedAt(), "resolvedAt");
    return AlertChange.resolved(ce.id(), resolved);
  }

  private static void require(Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new PoisonRecordException(field + " missing");
    }
  }
}
