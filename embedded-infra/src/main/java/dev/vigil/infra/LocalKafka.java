package dev.vigil.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

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
    RuntimeException last = null;
    // The broker's own port choice could give both listeners one port ("Each listener must have a
    // different port"), and a port found free can be taken before the broker binds it: choose two
    // distinct ports ourselves and try again with others if binding fails.
    for (int attempt = 0; attempt < 5; attempt++) {
      int kafkaPort = freePort(-1);
      int controllerPort = freePort(kafkaPort);
      EmbeddedKafkaBroker broker =
          new EmbeddedKafkaBroker()
              .withKafkaPort(kafkaPort)
              .withControllerPort(controllerPort)
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
      try {
        broker.start();
        return new LocalKafka(broker);
      } catch (RuntimeException e) {
        last = e;
        try {
          broker.close();
        } catch (RuntimeException ignored) {
          // a broker that did not start may not close cleanly either
        }
      }
    }
    throw new IllegalStateException("Kafka did not start after 5 attempts", last);
  }

  /**
   * A free port below Linux's ephemeral range (32768-60999), where no outbound connection can take
   * it between this check and the broker's bind; never {@code other}.
   */
  private static int freePort(int other) {
    for (int i = 0; i < 200; i++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      if (port == other) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return port;
      } catch (IOException e) {
        // taken; try another
      }
    }
    throw new IllegalStateException("no free port for Kafka");
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
