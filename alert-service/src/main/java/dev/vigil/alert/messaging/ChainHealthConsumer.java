package dev.vigil.alert.messaging;

import dev.vigil.alert.Channels;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.EventType;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Reads {@code ChainHealthObserved} CloudEvents (chains and APIs) into {@link AlertService}. */
@ApplicationScoped
public class ChainHealthConsumer {

  private static final Logger LOG = Logger.getLogger(ChainHealthConsumer.class);

  private final CloudEventCodec codec;
  private final AlertService service;

  public ChainHealthConsumer(CloudEventCodec codec, AlertService service) {
    this.codec = codec;
    this.service = service;
  }

  @Incoming(Channels.CHAIN_HEALTH)
  @Blocking
  public CompletionStage<Void> onObservation(Message<String> message) {
    try {
      IncomingCloudEvent ce = codec.read(message, Set.of(EventType.CHAIN_HEALTH_OBSERVED));
      ChainHealthObserved observation = codec.payload(ce, ChainHealthObserved.class);
      validate(observation);
      TransientFailures.retry(
          () -> service.apply(ce.id(), observation),
          Duration.ofMillis(200),
          Duration.ofSeconds(60));
      return message.ack();
    } catch (RuntimeException e) {
      LOG.warnf("chain health observation rejected: %s", e.getMessage());
      return message.nack(e);
    }
  }

  /** Fields without which no alert can be identified. */
  static void validate(ChainHealthObserved o) {
    if (o.providerId() == null || o.providerId().isBlank()) {
      throw new PoisonRecordException("providerId missing");
    }
    if (o.chainId() == null || o.chainId().isBlank()) {
      throw new PoisonRecordException("chainId missing");
    }
    if (o.status() == null) {
      throw new PoisonRecordException("status missing");
    }
  }
}
