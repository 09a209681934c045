package dev.vigil.local;

import dev.vigil.infra.chain.EvmBenchPeer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The chains and providers of {@link ChainProvidersHeap}: N providers in chains of {@link
 * #PER_CHAIN}, each with its own URL (a 32-character key in the path, as hosted RPC vendors give)
 * on one of the peers, registered through the REST API or published on the chain-targets topic.
 */
final class BenchChains {

  static final int PER_CHAIN = 10;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int count;
  private final List<EvmBenchPeer> peers;
  private final int intervalSeconds;

  BenchChains(int count, List<EvmBenchPeer> peers, int intervalSeconds) {
    this.count = count;
    this.peers = peers;
    this.intervalSeconds = intervalSeconds;
  }

  private int chains() {
    return (count + PER_CHAIN - 1) / PER_CHAIN;
  }

  private int providers(int chain) {
    return Math.min(PER_CHAIN, count - chain * PER_CHAIN);
  }

  private static String chainId(int chain) {
    return "heap-%04d".formatted(chain);
  }

  private String url(int chain, int p) {
    int n = chain * PER_CHAIN + p;
    EvmBenchPeer peer = peers.get(n % peers.size());
    return "http://127.0.0.1:%d/v2/%032x".formatted(peer.port(), n * 7919L + 1);
  }

  /** One chain per POST, then its providers one by one, a chain per task on 8 client threads. */
  void register(String base, String password) throws Exception {
    String auth = ServiceProcess.basicAuth("operator", password);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    AtomicLong registered = new AtomicLong();
    for (int c = 0; c < chains(); c++) {
      int chain = c;
      done.add(
          clients.submit(
              () -> {
                String id = chainId(chain);
                post(
                    base + "/api/v1/chains",
                    auth,
                    """
                    {"id":"%s","name":"Bench chain %d","family":"EVM","expectedChainId":"1",
                     "blockTimeMillis":1000,"labels":{"env":"bench","tier":"t%d"}}
                    """
                        .formatted(id, chain, chain % 3));
                for (int p = 0; p < providers(chain); p++) {
                  post(
                      base + "/api/v1/chains/" + id + "/providers",
                      auth,
                      """
                      {"id":"%s-p%02d","name":"Vendor %d","family":"EVM","url":"%s",
                       "intervalSeconds":%d,"timeoutMillis":5000,
                       "labels":{"vendor":"vendor-%d","region":"r%d"}}
                      """
                          .formatted(id, p, p, url(chain, p), intervalSeconds, p, p % 4));
                  if (registered.incrementAndGet() % 1000 == 0) {
                    ChainProvidersHeap.log("  %,d providers registered", registered.get());
                  }
                }
                return null;
              }));
    }
    try {
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * The same chains as {@link #register}, as another system would publish them: one record each.
   */
  void publish(String bootstrap) {
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(bootstrap, Map.of(ProducerConfig.LINGER_MS_CONFIG, "20"))) {
      for (int c = 0; c < chains(); c++) {
        String id = chainId(c);
        StringBuilder providers = new StringBuilder();
        for (int p = 0; p < providers(c); p++) {
          providers
              .append(p == 0 ? "" : ",")
              .append(
                  ("{\"providerId\":\"%s-p%02d\",\"name\":\"Vendor %d\",\"family\":\"EVM\","
                          + "\"url\":\"%s\",\"intervalSeconds\":%d,\"timeoutMillis\":5000,"
                          + "\"labels\":{\"vendor\":\"vendor-%d\",\"region\":\"r%d\"}}")
                      .formatted(id, p, p, url(c, p), intervalSeconds, p, p % 4));
        }
        String json =
            ("{\"chainId\":\"%s\",\"name\":\"Bench chain %d\",\"family\":\"EVM\","
                    + "\"expectedChainId\":\"1\",\"blockTimeMillis\":1000,"
                    + "\"labels\":{\"env\":\"bench\",\"tier\":\"t%d\"},\"providers\":[%s],"
                    + "\"registeredAt\":\"2026-11-25T00:00:00Z\",\"registeredBy\":\"heap-bench\"}")
                .formatted(id, c, c % 3, providers);
        producer.send(
            KafkaClients.cloudEvent(
                "vigil.chain-targets",
                "chain:" + id,
                json,
                UUID.randomUUID().toString(),
                "dev.vigil.chain.registered.v1",
                "/chain-heap-bench",
                null));
      }
      producer.flush();
    }
  }

  private static void post(String url, String auth, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + body);
    }
  }
}
