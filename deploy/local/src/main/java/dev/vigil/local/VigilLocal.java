package dev.vigil.local;

import dev.vigil.infra.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code vigil-local}: runs Vigil on this machine with nothing but a JDK. Ctrl-C stops everything.
 */
public final class VigilLocal {

  private static final String USAGE =
      """
      usage: vigil-local [--demo] [--port BASE] [--scan-interval DURATION] [--data-dir DIR]

        --demo                 also start three local TLS endpoints (healthy, expiring in 5 days,
                               expired) and register them, so alerts and an incident appear
        --port BASE            first HTTP port; services use BASE, BASE+1, BASE+2 (default 8081)
        --scan-interval D      how often targets are rescanned, ISO-8601 (default PT30S)
        --data-dir DIR         keep PostgreSQL data in DIR between runs (default: temporary)
      """;

  private VigilLocal() {}

  public static void main(String[] args) throws InterruptedException {
    boolean demo = false;
    int basePort = 8081;
    Duration interval = Duration.ofSeconds(30);
    Path dataDir = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--demo" -> demo = true;
          case "--port" -> basePort = Integer.parseInt(args[++i]);
          case "--scan-interval" -> interval = Duration.parse(args[++i]);
          case "--data-dir" -> dataDir = Path.of(args[++i]);
          case "-h", "--help" -> {
            System.out.print(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
      System.err.print("bad arguments: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    } catch (IllegalArgumentException e) {
      System.err.print(e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }

    Path root = projectRoot();
    Map<String, String> env = new HashMap<>();
    String presetPassword = System.getenv("VIGIL_OPERATOR_PASSWORD");
    if (presetPassword != null && !presetPassword.isBlank()) {
      env.put("VIGIL_OPERATOR_PASSWORD", presetPassword);
    }
    TestPki demoPki = null;
    if (demo) {
      Path caFile = root.resolve(".vigil/demo-ca.pem");
      demoPki = Demo.createCa(caFile);
      env.put("VIGIL_SCANNER_TRUST_CA_BUNDLES", caFile.toString());
    }
    LocalSystem.Options options =
        new LocalSystem.Options(
            root, basePort, interval, dataDir, root.resolve(".vigil/logs"), env);

    long started = System.nanoTime();
    LocalSystem system = LocalSystem.start(options, VigilLocal::say);
    Demo demoEndpoints = demo ? Demo.start(system, demoPki, VigilLocal::say) : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say("stopping ...");
                  if (demoEndpoints != null) {
                    demoEndpoints.close();
                  }
                  system.close();
                  say("stopped");
                  stopped.countDown();
                }));

    say("Vigil is up in %.1f s".formatted((System.nanoTime() - started) / 1e9));
    system.describe().forEach(line -> say("  " + line));
    say("  operator login     operator / " + system.operatorPassword());
    say("Try:");
    say("  curl " + system.url("scanner-service") + "/api/v1/targets");
    say("  curl " + system.url("alert-service") + "/api/v1/alerts");
    say("  curl " + system.url("incident-service") + "/api/v1/incidents");
    say("Press Ctrl-C to stop.");
    stopped.await();
  }

  /** The directory holding the service modules: -Dvigil.home, else the nearest parent of cwd. */
  static Path projectRoot() {
    String home = System.getProperty("vigil.home");
    Path dir = Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("scanner-service"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the Vigil project from " + dir + "; run from the project or set -Dvigil.home");
  }

  private static void say(String line) {
    System.out.println("[vigil-local] " + line);
  }
}
