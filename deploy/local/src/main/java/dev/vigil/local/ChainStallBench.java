package dev.vigil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import dev.vigil.infra.chain.AnvilNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Time from a stalled head to the {@code ChainHealthObserved} that reports it (issue 4: at most one
 * poll interval plus 1 s), through the whole scanner: a real anvil node mining a block a second,
 * the packaged scanner-service probing it, the event read back from Kafka.
 *
 * <p>Each trial turns mining back on, waits for a {@code HEALTHY} observation, stops mining ({@code
 * evm_setIntervalMining 0}) and reads the frozen head. The stall is detectable once that head is
 * older than the chain's {@code maxHeadAgeSeconds}; the figure is the time from then to the
 * broker's timestamp of the first observation with {@code HEAD_STALLED}.
 *
 * <p>Run after {@code ./mvnw -DskipTests install}: {@code java -cp
 * deploy/local/target/vigil-local.jar dev.vigil.local.ChainStallBench [trials=10]
 * [intervalSeconds=5] [maxHeadAgeSeconds=6]}. Needs anvil (see {@link AnvilNode}: {@value
 * AnvilNode#INSTALL}, or {@code VIGIL_ANVIL_BIN}).
 */
public final class ChainStallBench {

  /** anvil's default chain id, as the chain is registered with. */
  private static final long ANVIL_CHAIN_ID = 31337;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ChainStallBench() {}

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int interval = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int maxHeadAge = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    Path root = VigilLocal.projectRoot();
    Path logs = root.resolve("deploy/local/target/bench-logs");
    String password = "stall-bench-" + ProcessHandle.current().pid();
    System.out.printf("load average before: %s%n", ProcessCpu.loadAverage());
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null);
        AnvilNode anvil = AnvilNode.start(ANVIL_CHAIN_ID, 1, logs.resolve("anvil.log"))) {
      LocalPostgres.Database db = postgres.database("scanner", UUID.randomUUID().toString());
      Map<String, String> env = ServiceProcess.env(kafka.bootstrapServers(), db, password);
      env.put("QUARKUS_LOG_LEVEL", "WARN");
      try (ServiceProcess scanner =
              ServiceProcess.start(
                  "scanner-service",
                  root.resolve("scanner-service/target/quarkus-app"),
                  ServiceProcess.freePort(),
                  env,
                  logs);
          KafkaConsumer<String, String> health =
              KafkaClients.consumer(
                  kafka.bootstrapServers(), "stall-bench", "latest", "vigil.chain-health")) {
        scanner.awaitReady(Duration.ofSeconds(180));
        String provider =
            register(scanner.url(), password, anvil.uri().toString(), interval, maxHeadAge);
        System.out.printf(
            "provider %s probed every %d s; stalled after %d s; bound = interval + 1 s = %d ms%n",
            provider, interval, maxHeadAge, (interval + 1) * 1000);
        List<Long> delays = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
          anvil.rpc("evm_setIntervalMining", "1");
          await(health, provider, o -> "HEALTHY".equals(o.path("status").asText()), 120);
          anvil.rpc("evm_setIntervalMining", "0");
          Thread.sleep(300); // a block being sealed as mining stops
          JsonNode head = anvil.rpc("eth_getBlockByNumber", "\"latest\"", "false");
          long height = Long.decode(head.get("number").asText());
          Instant frozenAt = Instant.ofEpochSecond(Long.decode(head.get("timestamp").asText()));
          Instant detectable = frozenAt.plusSeconds(maxHeadAge);
          ConsumerRecord<String, String> stalled =
              await(health, provider, o -> hasFinding(o, "HEAD_STALLED"), maxHeadAge + 60);
          JsonNode o = JSON.readTree(stalled.value());
          long delay = stalled.timestamp() - detectable.toEpochMilli();
          delays.add(delay);
          System.out.printf(
              "trial %2d: head %d frozen at %s; HEAD_STALLED (head %s) %d ms after it became"
                  + " detectable%n",
              t, height, frozenAt, o.path("headHeight").asText(), delay);
        }
        delays.sort(Long::compare);
        System.out.printf(
            "%d trials: min %d ms, median %d ms, max %d ms; bound %d ms; within bound: %d of %d%n",
            trials,
            delays.get(0),
            delays.get(delays.size() / 2),
            delays.get(delays.size() - 1),
            (interval + 1) * 1000,
            delays.stream().filter(d -> d <= (interval + 1) * 1000L).count(),
            trials);
      }
    }
    System.out.printf("load average after: %s%n", ProcessCpu.loadAverage());
    System.exit(0);
  }

  private static String register(
      String base, String password, String rpcUrl, int interval, int maxHeadAge)
      throws IOException, InterruptedException {
    String chain = "stall-bench";
    post(
        base + "/api/v1/chains",
        password,
        """
        {"id":"%s","name":"Anvil","family":"EVM","expectedChainId":"31337",
         "blockTimeMillis":1000,"thresholds":{"maxHeadAgeSeconds":%d}}
        """
            .formatted(chain, maxHeadAge));
    String provider = chain + "-anvil";
    post(
        base + "/api/v1/chains/" + chain + "/providers",
        password,
        """
        {"id":"%s","name":"Anvil","family":"EVM","url":"%s","intervalSeconds":%d,
         "timeoutMillis":2000}
        """
            .formatted(provider, rpcUrl, interval));
    return provider;
  }

  private static void post(String url, String password, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", ServiceProcess.basicAuth("operator", password))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + body);
    }
  }

  /** The next observation of {@code provider} that matches, read from now on. */
  private static ConsumerRecord<String, String> await(
      KafkaConsumer<String, String> consumer,
      String provider,
      Predicate<JsonNode> matching,
      int seconds)
      throws IOException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        if (provider.equals(r.key()) && matching.test(JSON.readTree(r.value()))) {
          return r;
        }
      }
    }
    throw new IllegalStateException("no matching observation of " + provider + " in " + seconds);
  }

  private static boolean hasFinding(JsonNode observation, String code) {
    for (JsonNode f : observation.path("findings")) {
      if (code.equals(f.path("code").asText())) {
        return true;
      }
    }
    return false;
  }
}
