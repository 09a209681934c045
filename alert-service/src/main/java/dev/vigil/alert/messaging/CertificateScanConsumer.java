package dev.vigil.alert.messaging;

import dev.vigil.alert.Channels;
import dev.vigil.alert.rules.FactSheets;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.EventType;
import dev.vigil.events.ScanOutcome;
import dev.vigil.platform.messaging.BatchConsumption;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code CertificateScanned} CloudEvents a poll at a time and hands them to {@link
 * AlertService}, one transaction per poll. Poison records go to the dead-letter topic on their own;
 * transient failures are retried before that ({@link BatchConsumption}).
 */
@ApplicationScoped
public class CertificateScanConsumer {

  private final CloudEventCodec codec;
  private final AlertService service;

  public CertificateScanConsumer(CloudEventCodec codec, AlertService service) {
    this.codec = codec;
    this.service = service;
  }

  @Incoming(Channels.CERTIFICATE_SCANS)
  @Blocking
  public CompletionStage<Void> onScans(KafkaRecordBatch<String, String> batch) {
    return BatchConsumption.consume(
        "certificate scan",
        batch,
        this::decode,
        scans -> service.applyAll(AlertService.CERTIFICATE_SCANS_CONSUMER, scans),
        BatchConsumption.Retry.DEFAULT);
  }

  private AlertService.Inbound decode(KafkaRecord<String, String> record) {
    IncomingCloudEvent ce = codec.read(record, Set.of(EventType.CERTIFICATE_SCANNED));
    CertificateScanned scan = codec.payload(ce, CertificateScanned.class);
    validate(scan);
    return new AlertService.Inbound(ce.id(), FactSheets.certificate(scan));
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
