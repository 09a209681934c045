package dev.vigil.alert.breaker.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Example consumer of {@code vigil.risk-controls}, as an exchange would write it: plain Kafka
 * client and a JSON parser, no Vigil library. Referenced from {@code docs/events.md}; it lives in
 * the test sources so that it is compiled and run against a real broker by {@code BreakerFlowTest}
 * instead of rotting in a Markdown file.
 *
 * <p>The contract it relies on: records are keyed by scope; the latest record of a breaker and
 * scope is its state; delivery is at least once and two records may arrive out of order after a
 * producer fail-over, so {@code sequence} decides (anything not above the last applied sequence is
 * dropped). A consumer that starts from the beginning of the compacted topic learns every current
 * state first.
 */
public class DepositPauser implements AutoCloseable {

  /** What the exchange does for one scope. */
  public enum Mode {
    /** Breaker closed: deposits and withdrawals flow. */
    NORMAL,
    /** Breaker half-open: allow a trickle (e.g. small amounts) while Vigil probes. */
    PROBING,
    /** Breaker open: the breaker's actions apply (pause deposits, pause withdrawals, ...). */
    PAUSED
  }

  private static final String TYPE = "dev.vigil.riskcontrol.changed.v1";

  private final ObjectMapper json = new ObjectMapper();
  private final KafkaConsumer<String, String> consumer;

  /** breakerId + " " + scope → last sequence applied. Persist it with the effect in real life. */
  private final Map<String, Long> applied = new ConcurrentHashMap<>();

  private final Map<String, Mode> modes = new ConcurrentHashMap<>();
  private final Map<String, List<String>> actions = new ConcurrentHashMap<>();

  public DepositPauser(String bootstrapServers, String topic, String groupId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Commit only after the effect is applied: at least once, made idempotent by the sequence.
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of(topic));
  }

  /** One poll: applies what arrived, then commits. Call it in a loop. */
  public void pollOnce(Duration timeout) {
    for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
      apply(record);
    }
    consumer.commitSync();
  }

  /** The mode of a scope as decided by one breaker; NORMAL when nothing was heard. */
  public Mode mode(String breakerId, String scope) {
    return modes.getOrDefault(breakerId + " " + scope, Mode.NORMAL);
  }

  /** The actions the breaker declared with its last state, e.g. pause-deposits. */
  public List<String> actions(String breakerId, String scope) {
    return actions.getOrDefault(breakerId + " " + scope, List.of());
  }

  /** Applies one record; returns whether it changed anything (false: stale, duplicate, other). */
  boolean apply(ConsumerRecord<String, String> record) {
    if (record.value() == null || !TYPE.equals(header(record, "ce_type"))) {
      return false; // a tombstone or another type: not ours
    }
    JsonNode event;
    try {
      event = json.readTree(record.value());
    } catch (IOException e) {
      return false; // a real consumer would dead-letter it
    }
    String key = event.path("breakerId").asText() + " " + event.path("scope").asText();
    long sequence = event.path("sequence").asLong();
    Long last = applied.get(key);
    if (last != null && sequence <= last) {
      return false; // redelivered or overtaken: already applied something newer
    }
    Mode mode =
        switch (event.path("state").asText()) {
          case "OPEN" -> Mode.PAUSED;
          case "HALF_OPEN" -> Mode.PROBING;
          default -> Mode.NORMAL;
        };
    modes.put(key, mode);
    actions.put(
        key,
        json.convertValue(
            event.path("actions"),
            json.getTypeFactory().constructCollectionType(List.class, String.class)));
    applied.put(key, sequence);
    return true;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
