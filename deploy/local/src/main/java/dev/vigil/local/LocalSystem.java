package dev.vigil.local;

import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole of Vigil on one machine: a real Kafka broker, a real PostgreSQL with one database per
 * service, and the three services as child processes. Closing it stops everything in reverse order.
 */
public final class LocalSystem implements AutoCloseable {

  /** Services in start order, with their default ports. */
  static final List<String> SERVICES =
      List.of("scanner-service", "alert-service", "incident-service");

  private final LocalKafka kafka;
  private final LocalPostgres postgres;
  private final List<ServiceProcess> services;
  private final Map<String, Map<String, String>> environments;
  private final Options options;
  private final String operatorPassword;

  private LocalSystem(
      LocalKafka kafka,
      LocalPostgres postgres,
      List<ServiceProcess> services,
      Map<String, Map<String, String>> environments,
      Options options,
      String password) {
    this.kafka = kafka;
    this.postgres = postgres;
    this.services = services;
    this.environments = environments;
    this.options = options;
    this.operatorPassword = password;
  }

  /** Settings of a local run. */
  public record Options(
      Path projectRoot,
      int basePort,
      Duration scanInterval,
      Path dataDirectory,
      Path logDirectory,
      Map<String, String> extraEnvironment) {}

  /** Starts everything; on any failure, stops what was already started. */
  public static LocalSystem start(Options options, Consumer<String> progress) {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      progress.accept("starting Kafka (KRaft) ...");
      LocalKafka kafka = LocalKafka.start(3);
      started.add(kafka);
      progress.accept("Kafka up at " + kafka.bootstrapServers());

      progress.accept("starting PostgreSQL ...");
      LocalPostgres postgres = LocalPostgres.start(options.dataDirectory());
      started.add(postgres);
      progress.accept("PostgreSQL up on port " + postgres.port());

      String operatorPassword =
          options.extraEnvironment().getOrDefault("VIGIL_OPERATOR_PASSWORD", randomSecret());
      List<ServiceProcess> services = new ArrayList<>();
      Map<String, Map<String, String>> environments = new HashMap<>();
      for (int i = 0; i < SERVICES.size(); i++) {
        String service = SERVICES.get(i);
        String db = service.substring(0, service.indexOf('-'));
        LocalPostgres.Database database = postgres.database(db, randomSecret());
        Map<String, String> env = new HashMap<>(options.extraEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("VIGIL_DB_URL", database.jdbcUrl());
        env.put("VIGIL_DB_USER", database.username());
        env.put("VIGIL_DB_PASSWORD", database.password());
        env.put("VIGIL_OPERATOR_PASSWORD", operatorPassword);
        env.put("VIGIL_SCAN_INTERVAL", options.scanInterval().toString());
        environments.put(service, Map.copyOf(env));
        Path app = options.projectRoot().resolve(service).resolve("target/quarkus-app");
        ServiceProcess process =
            ServiceProcess.start(service, app, options.basePort() + i, env, options.logDirectory());
        started.add(process);
        services.add(process);
        progress.accept("starting " + service + " on port " + process.port());
      }
      // The services start in parallel; wait for all of them.
      CompletableFuture.allOf(
              services.stream()
                  .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofSeconds(120))))
                  .toArray(CompletableFuture[]::new))
          .join();
      return new LocalSystem(kafka, postgres, services, environments, options, operatorPassword);
    } catch (RuntimeException e) {
      Collections.reverse(started);
      started.forEach(LocalSystem::closeQuietly);
      throw e;
    }
  }

  public String url(String service) {
    return services.stream()
        .filter(s -> s.name().equals(service))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + service))
        .url();
  }

  /**
   * Starts one more replica of {@code service} on {@code port}, sharing the service's database and
   * consumer group, and waits until it is ready. The caller owns (and closes) the replica.
   *
   * @param extraEnvironment added to the service's environment, e.g. a replica name
   */
  ServiceProcess startReplica(String service, int port, Map<String, String> extraEnvironment) {
    Map<String, String> env = new HashMap<>(environments.get(service));
    env.putAll(extraEnvironment);
    ServiceProcess replica =
        ServiceProcess.start(
            service + "-" + port,
            options.projectRoot().resolve(service).resolve("target/quarkus-app"),
            port,
            env,
            options.logDirectory());
    try {
      replica.awaitReady(Duration.ofSeconds(120));
    } catch (RuntimeException e) {
      replica.close();
      throw e;
    }
    return replica;
  }

  public String operatorPassword() {
    return operatorPassword;
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (ServiceProcess s : services) {
      lines.add(String.format("%-17s %s   (log: %s)", s.name(), s.url(), s.log()));
    }
    lines.add(String.format("%-17s %s", "kafka", kafka.bootstrapServers()));
    lines.add(String.format("%-17s localhost:%d", "postgresql", postgres.port()));
    return lines;
  }

  @Override
  public void close() {
    List<ServiceProcess> reversed = new ArrayList<>(services);
    Collections.reverse(reversed);
    // Stop services together (each waits for its own graceful shutdown), then the infrastructure.
    CompletableFuture.allOf(
            reversed.stream()
                .map(s -> CompletableFuture.runAsync(s::close))
                .toArray(CompletableFuture[]::new))
        .join();
    closeQuietly(kafka);
    closeQuietly(postgres);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("while stopping: " + e);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
