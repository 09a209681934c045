package dev.vigil.local;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code vigil.chain-health}: which providers have been observed, and how many events. */
final class ChainHealthReader implements AutoCloseable {
  final Set<String> providers = ConcurrentHashMap.newKeySet();
  final AtomicLong events = new AtomicLong();
  private final Thread reader;
  private volatile boolean running = true;

  private ChainHealthReader(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "chain-heap-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
    reader =
        new Thread(
            () -> {
              try (KafkaConsumer<String, String> c =
                  new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of("vigil.chain-health"));
                while (running) {
                  for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    events.incrementAndGet();
                    providers.add(r.key());
                  }
                }
              }
            },
            "chain-health-reader");
    reader.setDaemon(true);
  }

  static ChainHealthReader start(String bootstrap) {
    ChainHealthReader o = new ChainHealthReader(bootstrap);
    o.reader.start();
    return o;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join(5_000);
  }
}
