package dev.vigil.scanner.messaging;

import dev.vigil.events.CertificateScanned;
import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import dev.vigil.scanner.config.ScannerConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes scan results and waits for the broker's acknowledgement. No outbox here: a scan is not
 * a state change, and one that fails to publish is simply redone at the next interval.
 */
@ApplicationScoped
public class ScanPublisher {

  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final MutinyEmitter<String> emitter;
  private final CloudEventCodec codec;
  private final String source;

  public ScanPublisher(
      @Channel(Channels.CERTIFICATE_SCANS) MutinyEmitter<String> emitter,
      CloudEventCodec codec,
      @ConfigProperty(name = "vigil.events.source") String source,
      ScannerConfig config) {
    this.emitter = emitter;
    this.codec = codec;
    // The replica is part of the source, so an operator can tell which replica scanned what.
    this.source = source + "/" + config.instanceId();
  }

  /** Publishes {@code scan} keyed by its target; throws when the broker does not acknowledge. */
  public void publish(CertificateScanned scan) {
    OutgoingEvent event =
        new OutgoingEvent(
            scan.scanId(),
            EventType.CERTIFICATE_SCANNED,
            source,
            scan.targetId(),
            scan.scannedAt(),
            scan.targetId(),
            codec.toJson(scan));
    emitter.sendMessage(codec.toMessage(event)).await().atMost(ACK_TIMEOUT);
  }
}
