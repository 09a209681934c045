package dev.vigil.incident;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Produces CloudEvent records and follows topics for the service tests. */
final class KafkaTestClient implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(60);

  private final KafkaCompanion companion;
  private final List<ConsumerTask<String, String>> followed = new ArrayList<>();

  KafkaTestClient(String bootstrap) {
    this.companion = new KafkaCompanion(bootstrap);
  }

  /** The CloudEvent binary-mode headers a well-behaved producer sends. */
  static Map<String, String> ceHeaders(String id, String type) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", id);
    headers.put("ce_source", "/vigil/alert-service");
    headers.put("ce_type", type);
    headers.put("ce_time", Instant.now().toString());
    headers.put("content-type", "application/json");
    return headers;
  }

  void send(String topic, String key, Map<String, String> headers, String data) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
    headers.forEach(
        (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    companion.produceStrings().fromRecords(record).awaitCompletion(WAIT);
  }

  /** Starts reading {@code topic} from its beginning; records accumulate until close. */
  ConsumerTask<String, String> follow(String topic) {
    ConsumerTask<String, String> task =
        companion
            .consumeStrings()
            .withGroupId("test-" + UUID.randomUUID())
            .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
            .fromTopics(topic);
    followed.add(task);
    return task;
  }

  /** Waits until {@code task} has at least {@code count} records matching and returns them all. */
  static List<ConsumerRecord<String, String>> awaitRecords(
      ConsumerTask<String, String> task,
      Predicate<ConsumerRecord<String, String>> matching,
      int count) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              found.clear();
              task.getRecords().stream().filter(matching).forEach(found::add);
              return found.size() >= count;
            });
    return List.copyOf(found);
  }

  /** The header's value, or {@code null} when absent. */
  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    followed.forEach(ConsumerTask::close);
    companion.close();
  }
}
