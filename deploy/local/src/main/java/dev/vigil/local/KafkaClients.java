package dev.vigil.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka side of the benches and the process-level tests, written once: they play the other
 * systems around the services (publish CloudEvents as a producer service would, read what the
 * services publish), with plain Kafka clients on string records.
 */
final class KafkaClients {

  private KafkaClients() {}

  /** A string producer; {@code settings} are producer configs on top of the bootstrap servers. */
  static KafkaProducer<String, String> producer(String bootstrap, Map<String, String> settings) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.putAll(settings);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** A producer that waits for every replica ({@code acks=all}). */
  static KafkaProducer<String, String> producer(String bootstrap) {
    return producer(bootstrap, Map.of(ProducerConfig.ACKS_CONFIG, "all"));
  }

  /**
   * A consumer of {@code topic} in a group of its own (so it sees every record).
   *
   * @param offsetReset {@code earliest} to read what is there, {@code latest} for what comes next
   */
  static KafkaConsumer<String, String> consumer(
      String bootstrap, String groupPrefix, String offsetReset, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  /** Polls once (100 ms) into {@code into}; returns how many records it holds now. */
  static int poll(KafkaConsumer<String, String> c, List<ConsumerRecord<String, String>> into) {
    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
      into.add(r);
    }
    return into.size();
  }

  /**
   * Reads {@code topic} from the start on a thread of its own until {@code running} turns false.
   */
  static Thread watch(
      String bootstrap,
      String topic,
      String threadName,
      AtomicBoolean running,
      Consumer<ConsumerRecord<String, String>> onRecord) {
    Thread t =
        new Thread(
            () -> {
              try (KafkaConsumer<String, String> c =
                  consumer(bootstrap, "bench", "earliest", topic)) {
                while (running.get()) {
                  for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    onRecord.accept(r);
                  }
                }
              }
            },
            threadName);
    t.start();
    return t;
  }

  /**
   * A CloudEvent in Kafka binary mode, JSON data.
   *
   * @param time {@code ce_time}; {@code null} leaves it out
   */
  static ProducerRecord<String, String> cloudEvent(
      String topic,
      String key,
      String json,
      String ceId,
      String ceType,
      String ceSource,
      Instant time) {
    ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, json);
    add(r, "ce_specversion", "1.0");
    add(r, "ce_id", ceId);
    add(r, "ce_source", ceSource);
    add(r, "ce_type", ceType);
    if (time != null) {
      add(r, "ce_time", time.toString());
    }
    add(r, "content-type", "application/json");
    return r;
  }

  /** The text of a record's last header {@code name}, or {@code null}. */
  static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Sum of the offsets {@code group} committed on {@code topic}. */
  static long committed(String bootstrap, String group, String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  /**
   * Sleeps until record {@code sent} (0-based) of an open-loop publisher at {@code perSecond} is
   * due; returns at once when behind or when the rate is 0 (as fast as possible).
   */
  static void pace(long startNanos, long sent, int perSecond) throws InterruptedException {
    if (perSecond <= 0) {
      return;
    }
    long wait = startNanos + (long) ((sent + 1) * 1e9 / perSecond) - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private static void add(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
