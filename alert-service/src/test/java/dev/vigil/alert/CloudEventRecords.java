package dev.vigil.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Builds CloudEvent records as the scanner publishes them (binary mode) and reads headers. */
public final class CloudEventRecords {

  private CloudEventRecords() {}

  /** A valid {@code CertificateScanned} CloudEvent keyed by target id. */
  public static ProducerRecord<String, String> certificateScanned(
      ObjectMapper json, String topic, String ceId, CertificateScanned scan) {
    try {
      return record(
          topic,
          scan.targetId(),
          json.writeValueAsString(scan),
          headers(ceId, EventType.CERTIFICATE_SCANNED.type()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CloudEvent headers of a scanner event; remove or replace entries to break it. */
  public static Map<String, String> headers(String ceId, String ceType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", ceId);
    headers.put("ce_source", "/vigil/scanner-service");
    headers.put("ce_type", ceType);
    headers.put("ce_time", "2026-03-01T10:00:00Z");
    headers.put("content-type", "application/json");
    return headers;
  }

  public static ProducerRecord<String, String> record(
      String topic, String key, String value, Map<String, String> headers) {
    List<Header> kafkaHeaders = new ArrayList<>();
    headers.forEach(
        (name, v) -> kafkaHeaders.add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
    return new ProducerRecord<>(topic, null, key, value, kafkaHeaders);
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
