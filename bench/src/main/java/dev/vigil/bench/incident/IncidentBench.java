package dev.vigil.bench.incident;

import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * incident-service end to end: real Kafka (3 partitions), real PostgreSQL, the packaged service as
 * a child JVM. Measures alert events correlated per second, alert-to-incident visible over REST at
 * a paced rate, and the public status page and {@code summary.json} under {@code wrk} with 10,000
 * past incidents. Run after {@code ./mvnw -o -pl bench,deploy/local -am install -DskipTests}:
 *
 * <pre>
 * java -cp bench/target/classes:deploy/local/target/vigil-local.jar \
 *     dev.vigil.bench.incident.IncidentBench [--groups 3000] [--rate 500] [--seconds 20] \
 *     [--past 10000] [--wrk-seconds 20] [--warmup-groups 1000] \
 *     [--phases throughput,latency,page] [--service-prop name=value ...] \
 *     [--service-jvm -XX:StartFlightRecording=filename=/tmp/incident.jfr ...]
 * </pre>
 */
public final class IncidentBench {

  private IncidentBench() {}

  public static void main(String[] args) throws Exception {
    int groups = intArg(args, "--groups", 3000);
    int rate = intArg(args, "--rate", 500);
    int seconds = intArg(args, "--seconds", 20);
    int past = intArg(args, "--past", 10_000);
    int wrkSeconds = intArg(args, "--wrk-seconds", 20);
    int warmup = intArg(args, "--warmup-groups", 1000);
    String phases = stringArg(args, "--phases", "throughput,latency,page");
    List<String> props = new ArrayList<>();
    List<String> jvm = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--service-prop")) {
        props.add("-D" + args[i + 1]);
      } else if (args[i].equals("--service-jvm")) {
        jvm.add(args[i + 1]);
      }
    }
    String run = UUID.randomUUID().toString().substring(0, 6);
    Path dir = Files.createTempDirectory("vigil-incident-bench-");
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            "Run %s: %d cores, %s %s; service props %s. Load average at start %s.",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            props,
            load()));
    InboxCount inbox = null;
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null)) {
      LocalPostgres.Database db = postgres.database("incident", "bench-" + run);
      try (IncidentServiceChild service =
              IncidentServiceChild.start(
                  dir, freePort(), kafka.bootstrapServers(), db, jvm, props);
          AlertTraffic traffic = new AlertTraffic(kafka.bootstrapServers());
          IncidentWatcher watcher =
              new IncidentWatcher(kafka.bootstrapServers(), service.url(""))) {
        service.awaitReady(Duration.ofMinutes(3));
        Cpu cpu = Cpu.of(service.handle(), postgres.port());
        PastIncidents.components(service);
        PastIncidents.seed(db, past, Instant.now());
        inbox = new InboxCount(db);
        report.add(
            String.format("Seeded %,d resolved incidents over 90 days, 5 components.", past));

        if (phases.contains("throughput") || phases.contains("latency")) {
          // The JIT compiles the alert path during the first few thousand events.
          traffic.publish(run + "w", warmup * AlertTraffic.EVENTS_PER_GROUP, 0, null);
          if (inbox.await(traffic.sent(), Duration.ofMinutes(10)) < 0) {
            report.add("warm-up did not finish in 10 minutes");
          }
        }
        if (phases.contains("throughput")) {
          report.add(throughput(traffic, inbox, cpu, run + "t", groups));
        }
        if (phases.contains("latency")) {
          report.add(latency(traffic, watcher, inbox, cpu, run + "l", rate, seconds));
        }
        inbox.close();
        if (phases.contains("page")) {
          for (String path : List.of("/api/v2/summary.json", "/status")) {
            report.addAll(page(service, cpu, path, wrkSeconds, dir));
          }
        }
      }
    }
    report.add("Load average at the end " + load() + ".");
    String text = String.join("\n", report);
    System.out.println("\n" + text);
    Files.writeString(dir.resolve("report.md"), text + "\n");
    System.out.println("(also in " + dir.resolve("report.md") + ")");
  }

  private static String throughput(
      AlertTraffic traffic, InboxCount inbox, Cpu cpu, String run, int groups) throws Exception {
    int events = groups * AlertTraffic.EVENTS_PER_GROUP;
    String before = load();
    Cpu.Sample c0 = cpu.sample();
    long t0 = System.nanoTime();
    double published = traffic.publish(run, events, 0, null);
    long done = inbox.await(traffic.sent(), Duration.ofMinutes(15));
    Cpu.Sample c1 = cpu.sample();
    if (done < 0) {
      return String.format(
          "- Throughput: not all of %,d events applied within 15 min (%,d of %,d in total).",
          events, inbox.count(), traffic.sent());
    }
    double secs = (done - t0) / 1e9;
    return String.format(
        "- **Throughput, unpaced:** %,d alert events (%,d incidents, 5 alerts fire and resolve in each)"
            + " published at %,.0f/s, all correlated in %.1f s = **%,.0f alert events/s**;"
            + " CPU per event %s; service busy %.2f cores; load %s -> %s.",
        events,
        groups,
        published,
        secs,
        events / secs,
        c0.perOp(c1, events),
        c0.serviceCores(c1),
        before,
        load());
  }

  private static String latency(
      AlertTraffic traffic,
      IncidentWatcher watcher,
      InboxCount inbox,
      Cpu cpu,
      String run,
      int rate,
      int seconds)
      throws Exception {
    int events = rate * seconds;
    int groups = events / AlertTraffic.EVENTS_PER_GROUP;
    long[] started = new long[groups];
    AtomicLongArray visible = watcher.watch(run, groups);
    String before = load();
    Cpu.Sample c0 = cpu.sample();
    double achieved = traffic.publish(run, groups * AlertTraffic.EVENTS_PER_GROUP, rate, started);
    inbox.await(traffic.sent(), Duration.ofMinutes(10));
    Thread.sleep(1000); // the last REST checks
    Cpu.Sample c1 = cpu.sample();
    long[] lat = new long[groups];
    int n = 0;
    for (int g = 0; g < groups; g++) {
      if (visible.get(g) != 0) {
        lat[n++] = visible.get(g) - started[g];
      }
    }
    long[] sorted = Arrays.copyOf(lat, n);
    Arrays.sort(sorted);
    return String.format(
        "- **Latency at %,d alert events/s** (%.0f achieved, %d s): %,d groups, %,d opened an"
            + " incident seen over REST (the others joined one by component); alert published -> `GET /api/v1/incidents/{id}` 200:"
            + " p50 %.0f ms, **p99 %.0f ms**, max %.0f ms; CPU per event %s; load %s -> %s.",
        rate,
        achieved,
        seconds,
        groups,
        n,
        pct(sorted, 0.5),
        pct(sorted, 0.99),
        pct(sorted, 1.0),
        c0.perOp(c1, events),
        before,
        load());
  }

  private static List<String> page(
      IncidentServiceChild service, Cpu cpu, String path, int seconds, Path dir) throws Exception {
    String url = service.url(path);
    List<String> lines = new ArrayList<>();
    WrkRun.run(url, 4, 0, 5, dir); // warm-up: JIT and caches
    for (int[] shape : new int[][] {{27, 48}, {16, 0}}) {
      String before = load();
      Cpu.Sample c0 = cpu.sample();
      WrkRun r = WrkRun.run(url, shape[0], shape[1], seconds, dir);
      Cpu.Sample c1 = cpu.sample();
      lines.add(
          String.format(
              "- `%s` %s, %d connections: **%,.0f requests/s**, p50 %.1f ms, **p99 %.1f ms**,"
                  + " %,d requests, %d errors; CPU per request %s; load %s -> %s.",
              path,
              shape[1] > 0 ? "paced (" + shape[1] + " ms pause)" : "unpaced",
              shape[0],
              r.requestsPerSecond(),
              r.p50Ms(),
              r.p99Ms(),
              r.requests(),
              r.errors(),
              c0.perOp(c1, Math.max(1, r.requests())),
              before,
              load()));
    }
    return lines;
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
  }

  private static int intArg(String[] args, String name, int dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return dflt;
  }

  private static String stringArg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + "/" + f[1];
    } catch (IOException e) {
      return "?";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
