package dev.vigil.alert.messaging.notify;

import dev.vigil.alert.Channels;
import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.alert.service.notify.FlushScheduler;
import dev.vigil.alert.service.notify.NotificationDispatcher;
import dev.vigil.alert.service.notify.NotificationIntake;
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
 * Reads the alerts topic in batches (one transaction per poll: at thousands of alerts a second,
 * per-record transactions would be the bottleneck). A poison record is dead-lettered on its own;
 * the rest of its batch is applied.
 */
@ApplicationScoped
public class AlertNotificationConsumer {

  private static final Logger LOG = Logger.getLogger(AlertNotificationConsumer.class);
  private static final Set<EventType> TYPES =
      Set.of(EventType.ALERT_FIRED, EventType.ALERT_RESOLVED);

  private final CloudEventCodec codec;
  private final NotificationIntake intake;
  private final FlushScheduler scheduler;
  private final NotificationDispatcher dispatcher;

  public AlertNotificationConsumer(
      CloudEventCodec codec,
      NotificationIntake intake,
      FlushScheduler scheduler,
      NotificationDispatcher dispatcher) {
    this.codec = codec;
    this.intake = intake;
    this.scheduler = scheduler;
    this.dispatcher = dispatcher;
  }

  @Incoming(Channels.ALERT_NOTIFICATIONS)
  @Blocking
  public CompletionStage<Void> onAlerts(KafkaRecordBatch<String, String> batch) {
    List<AlertChange> changes = new ArrayList<>();
    List<CompletableFuture<Void>> poisoned = new ArrayList<>();
    for (KafkaRecord<String, String> record : batch.getRecords()) {
      try {
        changes.add(change(record));
      } catch (RuntimeException e) {
        LOG.warnf("alert event rejected by the notifier: %s", e.getMessage());
        poisoned.add(record.nack(e).toCompletableFuture());
      }
    }
    NotificationIntake.Result result;
    try {
      result =
          TransientFailures.retry(
              () -> intake.apply(changes), Duration.ofMillis(200), Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      LOG.errorf(e, "alert batch could not be applied: %s", e.getMessage());
      return batch.nack(e);
    }
    // The batch is committed. Its fresh groups' notifications are claimed: send them now (a
    // failure here leaves them pending, and the lease hands them to the periodic reclaim). A
    // failed wake-up only delays the other flushes until the next tick.
    try {
      dispatcher.dispatch(result.claimed());
    } catch (RuntimeException e) {
      LOG.warnf("dispatch failed, the lease will resend: %s", e.getMessage());
    }
    try {
      result.due().ifPresent(scheduler::wakeAt);
    } catch (RuntimeException e) {
      LOG.warnf("flush wake-up failed, the periodic tick will flush: %s", e.getMessage());
    }
    return CompletableFuture.allOf(poisoned.toArray(CompletableFuture[]::new))
        .thenCompose(x -> batch.ack());
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
