package dev.vigil.local;

import dev.vigil.infra.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Vigil service running as a child JVM from its packaged {@code quarkus-app}. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient METRICS_HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts a service as the launcher does: a small serial-GC heap, as on a shared machine. */
  static ServiceProcess start(
      String name, Path quarkusApp, int port, Map<String, String> env, Path logDir) {
    return start(name, quarkusApp, port, env, logDir, List.of("-Xmx256m", "-XX:+UseSerialGC"));
  }

  /**
   * Starts a service with the given JVM options (a benchmark's heap size and collector).
   *
   * @param logDir the service's output goes to {@code <logDir>/<name>.log}
   */
  static ServiceProcess start(
      String name,
      Path quarkusApp,
      int port,
      Map<String, String> env,
      Path logDir,
      List<String> jvmOptions) {
    Path runJar = quarkusApp.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(runJar)) {
      throw new IllegalStateException(
          runJar + " is missing: build first with ./mvnw -DskipTests install");
    }
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(runJar.toString());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      builder.environment().putAll(env);
      builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
      return new ServiceProcess(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * The packaged scanner for a heap benchmark: {@code -Xmx<maxHeap>} and the JVM's default
   * collector (G1), as in production.
   */
  static ServiceProcess benchScanner(
      Path root,
      String bootstrap,
      LocalPostgres.Database db,
      String password,
      Path logDir,
      String maxHeap) {
    return start(
        "scanner-service",
        root.resolve("scanner-service/target/quarkus-app"),
        freePort(),
        env(bootstrap, db, password),
        logDir,
        List.of("-Xmx" + maxHeap));
  }

  /**
   * The environment every service needs: broker, database and operator password (a mutable map, for
   * the caller's additions).
   */
  static Map<String, String> env(
      String bootstrap, LocalPostgres.Database db, String operatorPassword) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("VIGIL_DB_URL", db.jdbcUrl());
    env.put("VIGIL_DB_USER", db.username());
    env.put("VIGIL_DB_PASSWORD", db.password());
    env.put("VIGIL_OPERATOR_PASSWORD", operatorPassword);
    return env;
  }

  /** An {@code Authorization} header value for HTTP Basic. */
  static String basicAuth(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A free port for a service a benchmark starts (the tests draw theirs from FreePorts). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  /** CPU time the process has used so far (user + system, all threads), for the benches. */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  long pid() {
    return process.pid();
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Waits until {@code /q/health/ready} answers 200, or fails with the log's location. */
  void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with code " + process.exitValue() + "; see " + log + logTail());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      sleep(250);
    }
    throw new IllegalStateException(
        name + " not ready after " + timeout + "; see " + log + logTail());
  }

  /** The end of the log, so a failure in CI says why without the log file at hand. */
  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n--- last lines of "
          + log.getFileName()
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return " (log unreadable: " + e.getMessage() + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The Prometheus text of {@code /q/metrics}. */
  String metrics() throws IOException, InterruptedException {
    return METRICS_HTTP
        .send(
            HttpRequest.newBuilder(URI.create(url() + "/q/metrics"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The sum of every sample of {@code metric} (group 1: the value) in a Prometheus text. */
  static double sum(Pattern metric, String metrics) {
    Matcher m = metric.matcher(metrics);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  /** Runs {@code jcmd <pid> <command>} (e.g. {@code GC.run}) and returns its output. */
  String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid(), 10), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  /** The {@code VmRSS} line of {@code /proc/<pid>/status}. */
  String rss() throws IOException {
    return Files.readAllLines(Path.of("/proc/" + pid() + "/status")).stream()
        .filter(l -> l.startsWith("VmRSS"))
        .findFirst()
        .orElse("VmRSS unknown")
        .replaceAll("\\s+", " ");
  }

  /** Kills the process at once (SIGKILL), as a crashed node would disappear. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), then insists. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
