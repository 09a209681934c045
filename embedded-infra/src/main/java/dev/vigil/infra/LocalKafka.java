package dev.vigil.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.Objects;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) running inside this
 * JVM on a free loopback port. Its log directory is deleted on close.
 */
public final class LocalKafka implements AutoCloseable {

  private final EmbeddedKafkaBroker broker;

  private LocalKafka(EmbeddedKafkaBroker broker) {
    this.broker = broker;
  }

  /**
   * Starts a broker.
   *
   * @param partitions default partition count of auto-created topics; more than one lets tests and
   *     the launcher exercise keyed ordering and consumer groups as in production
   */
  public static LocalKafka start(int partitions) {
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withDeleteLogDirsOnClose(true)
            .withAdditionalProperties(
                p -> {
                  p.put("num.partitions", String.valueOf(partitions));
                  p.put("auto.create.topics.enable", "true");
                  p.put("group.initial.rebalance.delay.ms", "0");
                  p.put("offsets.topic.replication.factor", "1");
                  p.put("offsets.topic.num.partitions", "5");
                  p.put("transaction.state.log.replication.factor", "1");
                  p.put("transaction.state.log.min.isr", "1");
                });
    broker.start();
    return new LocalKafka(broker);
  }

  /** The {@code bootstrap.servers} value, e.g. {@code localhost:39093}. */
  public String bootstrapServers() {
    String listeners = Objects.requireNonNull(broker.getAdvertisedListeners());
    // "PLAINTEXT://localhost:1234" (possibly several, comma separated) -> "localhost:1234"
    return listeners.replaceAll("[A-Za-z_]+://", "");
  }

  @Override
  public void close() {
    broker.close();
  }
}
