package dev.vigil.incident.messaging;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.incident.config.IncidentConfig;
import dev.vigil.incident.service.IncidentService;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads alert events and hands them to {@link IncidentService}. Poison records (bad envelope, bad
 * JSON, missing identity) and failures that outlast the retry go to the dead-letter topic; a
 * transient failure is retried before the record is acknowledged, so nothing is lost.
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
  public CompletionStage<Void> onAlert(Message<String> message) {
    try {
      IncomingCloudEvent ce = codec.read(message, ACCEPTED);
      switch (ce.type()) {
        case ALERT_FIRED -> {
          AlertFired fired = codec.payload(ce, AlertFired.class);
          require(fired.fingerprint(), "fingerprint");
          require(fired.groupKey(), "groupKey");
          if (fired.severity() == null) {
            throw new PoisonRecordException("AlertFired severity missing");
          }
          retry(() -> service.onAlertFired(ce.id(), fired));
        }
        case ALERT_RESOLVED -> {
          AlertResolved resolved = codec.payload(ce, AlertResolved.class);
          require(resolved.fingerprint(), "fingerprint");
          retry(() -> service.onAlertResolved(ce.id(), resolved));
        }
        default -> throw new PoisonRecordException("unexpected ce_type " + ce.type().type());
      }
      return message.ack();
    } catch (RuntimeException e) {
      LOG.warnf("alert record rejected: %s", e.getMessage());
      return message.nack(e);
    }
  }

  private void retry(Supplier<Boolean> work) {
    TransientFailures.retry(work, config.retryFirstDelay(), config.retryMaxDuration());
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new PoisonRecordException(field + " missing");
    }
  }
}
