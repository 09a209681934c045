package dev.vigil.alert.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.Channels;
import dev.vigil.alert.rules.FactSheets;
import dev.vigil.alert.rules.Facts;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.BatchConsumption;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads CloudEvents of any type that other systems publish (binary mode, JSON data) and hands them
 * to the rules, which select them by {@code ce_type}. Vigil's own observation types are decoded as
 * on their own channels, so another system can publish them too. The platform codec only accepts
 * Vigil's types, so the envelope of foreign types is read here. One transaction per poll ({@link
 * BatchConsumption}).
 */
@ApplicationScoped
public class InboundEventConsumer {

  private static final Set<EventType> OBSERVATIONS =
      Set.of(EventType.CERTIFICATE_SCANNED, EventType.CHAIN_HEALTH_OBSERVED);

  private final CloudEventCodec codec;
  private final ObjectMapper json;
  private final AlertService service;

  public InboundEventConsumer(CloudEventCodec codec, ObjectMapper json, AlertService service) {
    this.codec = codec;
    this.json = json;
    this.service = service;
  }

  @Incoming(Channels.INBOUND_EVENTS)
  @Blocking
  public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
    return BatchConsumption.consume(
        "inbound CloudEvent",
        batch,
        this::decode,
        events -> service.applyAll(AlertService.INBOUND_CONSUMER, events),
        BatchConsumption.Retry.DEFAULT);
  }

  private AlertService.Inbound decode(KafkaRecord<String, String> message) {
    Headers headers =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .orElseThrow(() -> new PoisonRecordException("not a Kafka record"))
            .getHeaders();
    String type = required(headers, "ce_type");
    if (EventType.of(type).filter(OBSERVATIONS::contains).isPresent()) {
      IncomingCloudEvent ce = codec.read(message, OBSERVATIONS);
      if (ce.type() == EventType.CERTIFICATE_SCANNED) {
        CertificateScanned scan = codec.payload(ce, CertificateScanned.class);
        CertificateScanConsumer.validate(scan);
        return new AlertService.Inbound(ce.id(), FactSheets.certificate(scan));
      }
      ChainHealthObserved o = codec.payload(ce, ChainHealthObserved.class);
      ChainHealthConsumer.validate(o);
      return new AlertService.Inbound(ce.id(), FactSheets.chain(o));
    }
    String id = required(headers, "ce_id");
    String source = required(headers, "ce_source");
    String subject = header(headers, "ce_subject");
    Instant time = time(header(headers, "ce_time"));
    String data = message.getPayload();
    if (data == null || data.isBlank()) {
      throw new PoisonRecordException("empty CloudEvent data");
    }
    Object parsed;
    try {
      parsed = json.readValue(data, Object.class);
    } catch (JsonProcessingException e) {
      throw new PoisonRecordException("CloudEvent data is not JSON: " + e.getOriginalMessage(), e);
    }
    Facts facts = FactSheets.inbound(id, type, source, subject, time, parsed);
    return new AlertService.Inbound(id, facts);
  }

  private static String required(Headers headers, String name) {
    String v = header(headers, name);
    if (v == null || v.isBlank()) {
      throw new PoisonRecordException("missing CloudEvent header " + name);
    }
    return v;
  }

  private static String header(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static Instant time(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new PoisonRecordException("ce_time is not an RFC 3339 timestamp: " + value, e);
    }
  }
}
