package dev.vigil.alert.messaging.breaker;

import dev.vigil.alert.Channels;
import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.alert.messaging.notify.AlertChangeDecoder;
import dev.vigil.alert.service.breaker.BreakerIntake;
import dev.vigil.platform.messaging.BatchConsumption;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the alerts topic for the circuit breakers, in batches (one transaction per poll, through
 * the platform's {@link BatchConsumption}). Its own consumer group, so the rule engine's hot path
 * pays nothing for breakers, and alerts from any producer (rules, Alertmanager's API, other
 * systems) open them alike. A poison record, or one the breakers could never store, is
 * dead-lettered on its own; the rest of its batch is applied.
 */
@ApplicationScoped
public class AlertBreakerConsumer {

  private final AlertChangeDecoder decoder;
  private final BreakerIntake intake;

  public AlertBreakerConsumer(AlertChangeDecoder decoder, BreakerIntake intake) {
    this.decoder = decoder;
    this.intake = intake;
  }

  @Incoming(Channels.ALERT_BREAKERS)
  @Blocking
  public CompletionStage<Void> onAlerts(KafkaRecordBatch<String, String> batch) {
    return BatchConsumption.consume(
        "alert event for the breakers",
        batch,
        this::decode,
        intake::apply,
        BatchConsumption.Retry.DEFAULT);
  }

  private AlertChange decode(KafkaRecord<String, String> record) {
    AlertChange change = decoder.decode(record);
    intake.check(change);
    return change;
  }
}
