package dev.vigil.bench.incident;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Alert events as alert-service publishes them. Traffic comes in groups of ten events: five alerts
 * of one group fire (the first opens an incident, four join it), then the five resolve (the last
 * resolves the incident). Each alert is on one of five services, which map to five components.
 */
final class AlertTraffic implements AutoCloseable {

  static final int EVENTS_PER_GROUP = 10;
  static final int COMPONENTS = 5;

  private final KafkaProducer<String, String> producer;
  private final String bootstrap;
  private long sent;

  AlertTraffic(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    this.producer = new KafkaProducer<>(p);
  }

  /**
   * Publishes events {@code 0..count} of run {@code run}, paced to {@code rate}/s (0: as fast as
   * the producer goes). {@code groupStarted[g]} gets the nano time the group's first alert was
   * sent. Returns the achieved rate.
   */
  double publish(String run, int count, int rate, long[] groupStarted) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
      }
      int group = i / EVENTS_PER_GROUP;
      int step = i % EVENTS_PER_GROUP;
      if (step == 0 && groupStarted != null) {
        groupStarted[group] = System.nanoTime();
      }
      send(run, group, step);
    }
    producer.flush();
    sent += count;
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /** Events sent so far by this producer. */
  long sent() {
    return sent;
  }

  static String groupKey(String run, int group) {
    return run + "-g" + group;
  }

  private void send(String run, int group, int step) {
    int alert = step % 5;
    boolean fire = step < 5;
    String fp = run + "-" + group + "-" + alert;
    String now = Instant.now().toString();
    String service = "api-" + (group % COMPONENTS);
    String severity = alert == 4 && group % 3 == 0 ? "CRITICAL" : "WARNING";
    String labels =
        "{\"alertname\":\"BenchAlert\",\"service\":\""
            + service
            + "\",\"instance\":\"host-"
            + alert
            + "\",\"run\":\""
            + run
            + "\"}";
    String json =
        fire
            ? "{\"fingerprint\":\""
                + fp
                + "\",\"alertName\":\"BenchAlert\",\"severity\":\""
                + severity
                + "\",\"labels\":"
                + labels
                + ",\"annotations\":{\"summary\":\"bench "
                + fp
                + "\"},\"groupKey\":\""
                + groupKey(run, group)
                + "\",\"startsAt\":\""
                + now
                + "\",\"firedAt\":\""
                + now
                + "\"}"
            : "{\"fingerprint\":\""
                + fp
                + "\",\"alertName\":\"BenchAlert\",\"labels\":"
                + labels
                + ",\"groupKey\":\""
                + groupKey(run, group)
                + "\",\"startsAt\":\""
                + now
                + "\",\"resolvedAt\":\""
                + now
                + "\",\"reason\":\"bench\"}";
    ProducerRecord<String, String> record = new ProducerRecord<>("vigil.alerts", fp, json);
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", UUID.randomUUID().toString());
    header(record, "ce_source", "/vigil/bench");
    header(record, "ce_type", fire ? "dev.vigil.alert.fired.v1" : "dev.vigil.alert.resolved.v1");
    header(record, "ce_time", now);
    header(record, "content-type", "application/json");
    producer.send(record);
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Waits until incident-service's group has committed {@code total} offsets on the alerts topic;
   * returns the nano time it saw them, or -1 on timeout.
   */
  long awaitConsumed(long total, Duration timeout) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin
                .listConsumerGroupOffsets("incident-service")
                .partitionsToOffsetAndMetadata()
                .get();
        long committed =
            offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals("vigil.alerts") && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
        if (committed >= total) {
          return System.nanoTime();
        }
        Thread.sleep(50); // a benchmark driver polling offsets, not a test
      }
      return -1;
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
