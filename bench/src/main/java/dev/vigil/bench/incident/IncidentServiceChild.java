package dev.vigil.bench.incident;

import dev.vigil.infra.LocalPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The packaged incident-service ({@code incident-service/target/quarkus-app}) as a child JVM with
 * default settings, plus an {@code admin} user for the bench (components are created over REST).
 */
final class IncidentServiceChild implements AutoCloseable {

  static final String USER = "bench";
  static final String PASSWORD = "bench-secret";

  private final Process process;
  private final int port;
  private final Path log;

  private IncidentServiceChild(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static IncidentServiceChild start(
      Path dir,
      int port,
      String bootstrap,
      LocalPostgres.Database db,
      List<String> jvmOptions,
      List<String> systemProperties)
      throws IOException {
    Path app = Path.of("incident-service/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    if (!Files.isRegularFile(app)) {
      throw new IllegalStateException(
          app + " missing: ./mvnw -o -pl bench,deploy/local -am install -DskipTests");
    }
    Path log = dir.resolve("incident-service.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(jvmOptions);
    cmd.add("-Dquarkus.http.port=" + port);
    cmd.add("-Dquarkus.log.level=WARN");
    cmd.add("-Dquarkus.security.users.embedded.users." + USER + "=" + digest());
    cmd.add("-Dquarkus.security.users.embedded.roles." + USER + "=admin,responder");
    cmd.addAll(systemProperties);
    cmd.add("-jar");
    cmd.add(app.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    pb.environment().put("VIGIL_DB_URL", db.jdbcUrl());
    pb.environment().put("VIGIL_DB_USER", db.username());
    pb.environment().put("VIGIL_DB_PASSWORD", db.password());
    System.out.println("incident-service log: " + log);
    return new IncidentServiceChild(pb.start(), port, log);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  int port() {
    return port;
  }

  void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("incident-service exited; see " + log);
      }
      try {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build();
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(250); // a benchmark driver polling a child process, not a test
    }
    throw new IllegalStateException("incident-service not ready; see " + log);
  }

  /** The Basic credentials header value. */
  static String basicAuth() {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Quarkus' embedded realm stores HEX(SHA-512("user:vigil:password")). */
  private static String digest() {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-512")
              .digest((USER + ":vigil:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
