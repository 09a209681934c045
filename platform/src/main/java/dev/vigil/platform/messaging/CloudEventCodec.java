package dev.vigil.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vigil.events.EventType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Reads and writes Vigil events as CloudEvents 1.0 in Kafka binary mode. Reading is strict: every
 * problem is a {@link PoisonRecordException} that names what is wrong, so the record can be
 * dead-lettered with a useful reason.
 */
@ApplicationScoped
public class CloudEventCodec {

  private final ObjectMapper strictMapper;
  private final ObjectMapper mapper;

  /** One reader per payload type: no type and root-deserializer look-up per record. */
  private final ClassValue<ObjectReader> readers =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return strictMapper.readerFor(type);
        }
      };

  public CloudEventCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    this.strictMapper = strict(mapper);
  }

  /**
   * The mapper that reads payloads. Unknown fields are tolerated (producers may be newer), but a
   * missing or mistyped primitive is not: it would silently become 0 or false. Timestamps in the
   * shape producers write ({@code 2026-11-25T16:05:07.123Z}) skip {@code DateTimeFormatter} ({@link
   * FastInstantDeserializer}); any other shape is read as before.
   */
  static ObjectMapper strict(ObjectMapper mapper) {
    JsonDeserializer<?> instants;
    try {
      ObjectMapper probe = strictCopy(mapper);
      instants =
          ((DefaultDeserializationContext) probe.getDeserializationContext())
              .createInstance(probe.getDeserializationConfig(), null, probe.getInjectableValues())
              .findNonContextualValueDeserializer(probe.constructType(Instant.class));
    } catch (JsonMappingException e) {
      throw new IllegalStateException("no deserializer for java.time.Instant", e);
    }
    return strictCopy(mapper)
        .registerModule(
            new SimpleModule("vigil-event-instants")
                .addDeserializer(Instant.class, new FastInstantDeserializer(instants)));
  }

  private static ObjectMapper strictCopy(ObjectMapper mapper) {
    return mapper
        .copy()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** Builds a Kafka message carrying {@code payload} as CloudEvent data. */
  public Message<String> toMessage(OutgoingEvent event) {
    OutgoingCloudEventMetadata<Object> ce =
        OutgoingCloudEventMetadata.builder()
            .withId(event.id())
            .withType(event.type().type())
            .withSource(URI.create(event.source()))
            .withSubject(event.subject())
            .withTimestamp(event.time().atZone(ZoneOffset.UTC))
            .withDataContentType(EventType.CONTENT_TYPE)
            .build();
    OutgoingKafkaRecordMetadata<String> kafka =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build();
    return Message.of(event.data(), Metadata.of(ce, kafka));
  }

  /** Serialises a payload record to its JSON data. */
  public String toJson(Record payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + payload.getClass(), e);
    }
  }

  /**
   * Reads the CloudEvent envelope of an incoming record.
   *
   * @param accepted the event types this consumer handles; others are poison
   */
  public IncomingCloudEvent read(Message<?> message, Set<EventType> accepted) {
    IncomingKafkaRecordMetadata<?, ?> kafka =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .orElseThrow(() -> new PoisonRecordException("not a Kafka record"));
    Headers headers = kafka.getHeaders();
    String id = required(headers, "ce_id");
    String typeName = required(headers, "ce_type");
    EventType type =
        EventType.of(typeName)
            .filter(accepted::contains)
            .orElseThrow(
                () ->
                    new PoisonRecordException(
                        "unsupported ce_type '"
                            + typeName
                            + "', expected one of "
                            + accepted.stream().map(EventType::type).sorted().toList()));
    String source = required(headers, "ce_source");
    Instant time = parseTime(header(headers, "ce_time"));
    Object payload = message.getPayload();
    String data =
        payload instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) payload;
    if (data == null || data.isBlank()) {
      throw new PoisonRecordException("empty CloudEvent data");
    }
    Object key = kafka.getKey();
    return new IncomingCloudEvent(
        id,
        type,
        source,
        header(headers, "ce_subject"),
        time,
        key == null ? null : key.toString(),
        data);
  }

  /** Parses the event's data into its payload record. */
  public <T extends Record> T payload(IncomingCloudEvent event, Class<T> type) {
    if (!event.type().payload().equals(type)) {
      throw new PoisonRecordException(
          "ce_type " + event.type().type() + " does not carry " + type.getSimpleName());
    }
    try {
      T value = readers.get(type).readValue(event.data());
      if (value == null) {
        throw new PoisonRecordException("CloudEvent data is JSON null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new PoisonRecordException(
          "malformed " + type.getSimpleName() + " data: " + e.getOriginalMessage(), e);
    }
  }

  private static String required(Headers headers, String name) {
    String value = header(headers, name);
    if (value == null || value.isBlank()) {
      throw new PoisonRecordException("missing CloudEvent header " + name);
    }
    return value;
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static Instant parseTime(String value) {
    if (value == null) {
      return null;
    }
    Instant utc = IsoInstants.parseUtc(value);
    if (utc != null) {
      return utc;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new PoisonRecordException("ce_time is not an RFC 3339 timestamp: " + value, e);
    }
  }
}
