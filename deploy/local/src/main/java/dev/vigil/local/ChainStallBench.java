package dev.vigil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

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
 * [intervalSeconds=5] [maxHeadAgeSeconds=6]}. Needs anvil ({@code npm install --prefix
 * ~/.cache/vigil-anvil @foundry-rs/anvil@1.7.1}, or {@code VIGIL_ANVIL_BIN}).
 */
public final class ChainStallBench {

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
    System.out.printf("load average before: %s%n", loadAverage());
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null);
        Anvil anvil = Anvil.start(AlertPipelineBench.FreePortsMain.free(), logs)) {
      LocalPostgres.Database db = postgres.database("scanner", UUID.randomUUID().toString());
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      env.put("VIGIL_DB_URL", db.jdbcUrl());
      env.put("VIGIL_DB_USER", db.username());
      env.put("VIGIL_DB_PASSWORD", db.password());
      env.put("VIGIL_OPERATOR_PASSWORD", password);
      env.put("QUARKUS_LOG_LEVEL", "WARN");
      try (ServiceProcess scanner =
              ServiceProcess.start(
                  "scanner-service",
                  root.resolve("scanner-service/target/quarkus-app"),
                  AlertPipelineBench.FreePortsMain.free(),
                  env,
                  logs);
          KafkaConsumer<String, String> health = consumer(kafka.bootstrapServers())) {
        scanner.awaitReady(Duration.ofSeconds(180));
        String provider = register(scanner.url(), password, anvil.url(), interval, maxHeadAge);
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
    System.out.printf("load average after: %s%n", loadAverage());
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
    String auth =
        Base64.getEncoder()
            .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + body);
    }
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "stall-bench-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    c.subscribe(List.of("vigil.chain-health"));
    return c;
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

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }

  /** A real anvil node on loopback mining a block a second. */
  private static final class Anvil implements AutoCloseable {
    private final Process process;
    private final int port;

    private Anvil(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Anvil start(int port, Path logs) throws IOException, InterruptedException {
      String fromEnv = System.getenv("VIGIL_ANVIL_BIN");
      Path bin =
          fromEnv != null && !fromEnv.isBlank()
              ? Path.of(fromEnv)
              : Path.of(
                  System.getProperty("user.home"),
                  ".cache/vigil-anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
      if (!Files.isExecutable(bin)) {
        throw new IllegalStateException(
            "anvil not found at "
                + bin
                + ": npm install --prefix ~/.cache/vigil-anvil @foundry-rs/anvil@1.7.1");
      }
      Files.createDirectories(logs);
      Process p =
          new ProcessBuilder(
                  bin.toString(),
                  "--host",
                  "127.0.0.1",
                  "--port",
                  Integer.toString(port),
                  "--block-time",
                  "1",
                  "--silent")
              .redirectErrorStream(true)
              .redirectOutput(logs.resolve("anvil.log").toFile())
              .start();
      Anvil anvil = new Anvil(p, port);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (true) {
        try {
          anvil.rpc("eth_chainId");
          return anvil;
        } catch (IOException e) {
          if (System.nanoTime() > deadline) {
            anvil.close();
            throw e;
          }
          Thread.sleep(100);
        }
      }
    }

    String url() {
      return "http://127.0.0.1:" + port + "/";
    }

    JsonNode rpc(String method, String... params) throws IOException, InterruptedException {
      String body =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
              + method
              + "\",\"params\":["
              + String.join(",", params)
              + "]}";
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url()))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(5))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode reply = JSON.readTree(response.body());
      if (reply.hasNonNull("error")) {
        throw new IllegalStateException(method + ": " + reply.get("error"));
      }
      return reply.get("result");
    }

    @Override
    public void close() {
      process.destroy();
    }
  }
}
