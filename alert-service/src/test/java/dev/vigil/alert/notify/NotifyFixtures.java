package dev.vigil.alert.notify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Produces alert CloudEvents and reads what the loopback peers received. */
public final class NotifyFixtures {

  private final ObjectMapper json;
  private final KafkaCompanion kafka;
  private final String topic;
  private final String peersUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  public NotifyFixtures(ObjectMapper json, KafkaCompanion kafka, String topic, String peersUrl) {
    this.json = json;
    this.kafka = kafka;
    this.topic = topic;
    this.peersUrl = peersUrl;
  }

  /** Labels of a test alert: unique {@code test_id} keeps tests apart. */
  public static Map<String, String> labels(String alertName, String testId, String... more) {
    Map<String, String> labels = new HashMap<>();
    labels.put("alertname", alertName);
    labels.put("test_id", testId);
    for (int i = 0; i < more.length; i += 2) {
      labels.put(more[i], more[i + 1]);
    }
    return labels;
  }

  public static String fingerprint(Map<String, String> labels) {
    return "fp-" + UUID.nameUUIDFromBytes(new java.util.TreeMap<>(labels).toString().getBytes());
  }

  /** Publishes AlertFired; returns the CloudEvent id. */
  public String fire(Map<String, String> labels) {
    return fire(labels, UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  public String fire(Map<String, String> labels, String ceId, Instant at) {
    String fp = fingerprint(labels);
    AlertFired fired =
        new AlertFired(
            fp,
            labels.get("alertname"),
            Severity.CRITICAL,
            labels,
            Map.of("summary", "summary of " + labels.get("alertname")),
            "g",
            at,
            at,
            1.0,
            null);
    send(fp, ceId, EventType.ALERT_FIRED, fired);
    return ceId;
  }

  public String resolve(Map<String, String> labels, Instant startsAt) {
    String fp = fingerprint(labels);
    String ceId = UUID.randomUUID().toString();
    AlertResolved resolved =
        new AlertResolved(
            fp,
            labels.get("alertname"),
            labels,
            "g",
            startsAt,
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            "ok",
            null);
    send(fp, ceId, EventType.ALERT_RESOLVED, resolved);
    return ceId;
  }

  public void sendRaw(String key, String value, Map<String, String> headers) {
    kafka
        .produceStrings()
        .fromRecords(CloudEventRecords.record(topic, key, value, headers))
        .awaitCompletion();
  }

  private void send(String key, String ceId, EventType type, Record payload) {
    try {
      ProducerRecord<String, String> record =
          CloudEventRecords.record(
              topic,
              key,
              json.writeValueAsString(payload),
              CloudEventRecords.headers(ceId, type.type()));
      kafka.produceStrings().fromRecords(record).awaitCompletion();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Requests the HTTP peer received on {@code path} for alerts of {@code testId}. */
  public List<JsonNode> received(String path, String testId) {
    return get("/_received").stream()
        .filter(r -> r.path("path").asText().equals(path))
        .filter(r -> testId == null || r.toString().contains(testId))
        .toList();
  }

  public List<JsonNode> mails(String testId) {
    return get("/_mail").stream().filter(m -> m.toString().contains(testId)).toList();
  }

  private List<JsonNode> get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(peersUrl + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      return json.readValue(r.body(), new TypeReference<List<JsonNode>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
