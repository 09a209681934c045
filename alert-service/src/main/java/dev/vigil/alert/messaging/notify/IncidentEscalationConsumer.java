package dev.vigil.alert.messaging.notify;

import dev.vigil.alert.Channels;
import dev.vigil.alert.service.notify.Claimed;
import dev.vigil.alert.service.notify.EscalationNotifier;
import dev.vigil.alert.service.notify.NotificationDispatcher;
import dev.vigil.events.EventType;
import dev.vigil.events.IncidentEscalated;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code IncidentEscalated} (own consumer group) and notifies the named receivers. Poison —
 * bad envelope or JSON, missing fields, a receiver this service does not know — goes to the
 * dead-letter topic with the reason; database trouble is retried.
 */
@ApplicationScoped
public class IncidentEscalationConsumer {

  private static final Logger LOG = Logger.getLogger(IncidentEscalationConsumer.class);

  private final CloudEventCodec codec;
  private final EscalationNotifier notifier;
  private final NotificationDispatcher dispatcher;

  public IncidentEscalationConsumer(
      CloudEventCodec codec, EscalationNotifier notifier, NotificationDispatcher dispatcher) {
    this.codec = codec;
    this.notifier = notifier;
    this.dispatcher = dispatcher;
  }

  @Incoming(Channels.INCIDENT_ESCALATIONS)
  @Blocking
  public CompletionStage<Void> onEscalation(Message<String> message) {
    List<Claimed> claimed;
    try {
      IncomingCloudEvent ce = codec.read(message, Set.of(EventType.INCIDENT_ESCALATED));
      IncidentEscalated escalated = codec.payload(ce, IncidentEscalated.class);
      validate(escalated);
      claimed =
          TransientFailures.retry(
              () -> notifier.apply(ce.id(), escalated),
              Duration.ofMillis(200),
              Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      LOG.warnf("incident escalation rejected: %s", e.getMessage());
      return message.nack(e);
    }
    // Committed: send now; if this fails, the claim's lease makes a replica send it later.
    try {
      dispatcher.dispatch(claimed);
    } catch (RuntimeException e) {
      LOG.warnf("escalation dispatch left to the lease: %s", e.getMessage());
    }
    return message.ack();
  }

  private static void validate(IncidentEscalated e) {
    require(e.incidentId(), "incidentId");
    require(e.policy(), "policy");
    require(e.severity(), "severity");
    require(e.triggeredAt(), "triggeredAt");
    if (e.title() == null) {
      throw new PoisonRecordException("title missing");
    }
    if (e.step() < 1) {
      throw new PoisonRecordException("step must be at least 1");
    }
    if (e.receivers().isEmpty() || e.receivers().stream().anyMatch(r -> r == null || r.isBlank())) {
      throw new PoisonRecordException("receivers missing or blank");
    }
  }

  private static void require(Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new PoisonRecordException(field + " missing");
    }
  }
}
