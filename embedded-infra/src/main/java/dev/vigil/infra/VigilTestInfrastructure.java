package dev.vigil.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker and a real PostgreSQL for a service's tests. Set
 * {@code VIGIL_TEST_KAFKA_BOOTSTRAP_SERVERS} and/or {@code VIGIL_TEST_JDBC_URL} (with {@code
 * VIGIL_TEST_JDBC_USERNAME}, {@code VIGIL_TEST_JDBC_PASSWORD}) to use external ones instead.
 *
 * <p>Init arg {@code database}: the service's database name.
 */
public class VigilTestInfrastructure implements QuarkusTestResourceLifecycleManager {

  private String database = "vigil";
  private LocalKafka kafka;
  private LocalPostgres postgres;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    String bootstrap = System.getenv("VIGIL_TEST_KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrap == null || bootstrap.isBlank()) {
      kafka = LocalKafka.start(3);
      bootstrap = kafka.bootstrapServers();
    }
    config.put("kafka.bootstrap.servers", bootstrap);

    String jdbcUrl = System.getenv("VIGIL_TEST_JDBC_URL");
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      postgres = LocalPostgres.start(null);
      LocalPostgres.Database db = postgres.database(database, database + "-test");
      config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
      config.put("quarkus.datasource.username", db.username());
      config.put("quarkus.datasource.password", db.password());
    } else {
      config.put("quarkus.datasource.jdbc.url", jdbcUrl);
      config.put("quarkus.datasource.username", System.getenv("VIGIL_TEST_JDBC_USERNAME"));
      config.put("quarkus.datasource.password", System.getenv("VIGIL_TEST_JDBC_PASSWORD"));
    }
    return config;
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
