package dev.vigil.alert.messaging.notify;

import dev.vigil.alert.Channels;
import dev.vigil.alert.service.notify.FlushScheduler;
import dev.vigil.alert.service.notify.NotificationDispatcher;
import dev.vigil.alert.service.notify.NotificationIntake;
import dev.vigil.platform.messaging.BatchConsumption;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the alerts topic in batches (one transaction per poll, through the platform's {@link
 * BatchConsumption}: at thousands of alerts a second, per-record transactions would be the
 * bottleneck). A poison record is dead-lettered on its own; the rest of its batch is applied.
 */
@ApplicationScoped
public class AlertNotificationConsumer {

  private static final Logger LOG = Logger.getLogger(AlertNotificationConsumer.class);

  private final AlertChangeDecoder decoder;
  private final NotificationIntake intake;
  private final FlushScheduler scheduler;
  private final NotificationDispatcher dispatcher;

  public AlertNotificationConsumer(
      AlertChangeDecoder decoder,
      NotificationIntake intake,
      FlushScheduler scheduler,
      NotificationDispatcher dispatcher) {
    this.decoder = decoder;
    this.intake = intake;
    this.scheduler = scheduler;
    this.dispatcher = dispatcher;
  }

  @Incoming(Channels.ALERT_NOTIFICATIONS)
  @Blocking
  public CompletionStage<Void> onAlerts(KafkaRecordBatch<String, String> batch) {
    return BatchConsumption.consume(
        "alert event for the notifier",
        batch,
        decoder::decode,
        intake::apply,
        this::afterCommit,
        BatchConsumption.Retry.DEFAULT);
  }

  /**
   * The changes are committed. Their fresh groups' notifications are claimed: send them now (a
   * failure here leaves them pending, and the lease hands them to the periodic reclaim). A failed
   * wake-up only delays the other flushes until the next tick.
   */
  private void afterCommit(NotificationIntake.Result result) {
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
  }
}
