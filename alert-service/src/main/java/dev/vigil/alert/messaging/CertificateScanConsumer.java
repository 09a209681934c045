package dev.vigil.alert.messaging;

import dev.vigil.alert.Channels;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.EventType;
import dev.vigil.events.ScanOutcome;
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

/**
 * Reads {@code CertificateScanned} CloudEvents and hands them to {@link AlertService}. Poison
 * records go to the dead-letter topic; transient failures are retried before that.
 */
@ApplicationScoped
public class CertificateScanConsumer {

  private static final Logger LOG = Logger.getLogger(CertificateScanConsumer.class);

  private final CloudEventCodec codec;
  private final AlertService service;

  public CertificateScanConsumer(CloudEventCodec codec, AlertService service) {
    this.codec = codec;
    this.service = service;
  }

  @Incoming(Channels.CERTIFICATE_SCANS)
  @Blocking
  public CompletionStage<Void> onScan(Message<String> message) {
    try {
      IncomingCloudEvent ce = codec.read(message, Set.of(EventType.CERTIFICATE_SCANNED));
      CertificateScanned scan = codec.payload(ce, CertificateScanned.class);
      validate(scan);
      TransientFailures.retry(
          () -> service.apply(ce.id(), scan), Duration.ofMillis(200), Duration.ofSeconds(60));
      return message.ack();
    } catch (RuntimeException e) {
      LOG.warnf("certificate scan rejected: %s", e.getMessage());
      return message.nack(e);
    }
  }

  /** Fields without which no decision is possible; anything else the policy copes with. */
  static void validate(CertificateScanned scan) {
    if (scan.targetId() == null || scan.targetId().isBlank()) {
      throw new PoisonRecordException("targetId missing");
    }
    if (scan.outcome() == null) {
      throw new PoisonRecordException("outcome missing");
    }
    if (scan.outcome() == ScanOutcome.COMPLETED && scan.daysLeft() == null) {
      throw new PoisonRecordException("daysLeft missing for a COMPLETED scan");
    }
  }
}
