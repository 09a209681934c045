package dev.vigil.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * alert-service end to end on this machine: a real Kafka broker, a real PostgreSQL and the packaged
 * service as a child process (as {@code vigil-local} runs it). Publishes certificate scans as fast
 * as the producer can, measures how fast the service's consumer group commits them (events
 * evaluated per second, sustained) and the latency from publishing a scan to its {@code AlertFired}
 * on {@code vigil.alerts}.
 *
 * <p>Also reports the CPU time per event of the service and of PostgreSQL over the measured phase
 * (from {@code /proc}). {@code BENCH_SERVICE_JAVA_OPTS} passes JVM options (a JFR recording) to the
 * service; {@code BENCH_ALERT_APP} runs another build's {@code quarkus-app} directory.
 *
 * <p>{@code java -cp deploy/local/target/vigil-local.jar dev.vigil.local.AlertPipelineBench
 * [events] [targets] [events-per-second]} after {@code ./mvnw -DskipTests install}.
 */
public final class AlertPipelineBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static int rate;

  private AlertPipelineBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int targets = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    // Events per second to publish at; 0 = as fast as possible (measures throughput; latency is
    // then mostly the backlog). A rate below the throughput measures latency without a backlog.
    rate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Path root = VigilLocal.projectRoot();
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null)) {
      LocalPostgres.Database db = postgres.database("alert", UUID.randomUUID().toString());
      Map<String, String> env =
          ServiceProcess.env(
              kafka.bootstrapServers(), db, "local-operator-" + ProcessHandle.current().pid());
      env.put("QUARKUS_LOG_LEVEL", "WARN");
      // JVM options for the service only (e.g. a JFR recording), not for this driver.
      String serviceOpts = System.getenv("BENCH_SERVICE_JAVA_OPTS");
      if (serviceOpts != null) {
        env.put("JAVA_TOOL_OPTIONS", serviceOpts);
      }
      // Another build of the service (e.g. the previous commit's) to compare in the same run.
      String app = System.getenv("BENCH_ALERT_APP");
      ServiceProcess service =
          ServiceProcess.start(
              "alert-service",
              app != null ? Path.of(app) : root.resolve("alert-service/target/quarkus-app"),
              ServiceProcess.freePort(),
              env,
              root.resolve("deploy/local/target/bench-logs"));
      try {
        service.awaitReady(Duration.ofSeconds(180));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = watchAlerts(kafka.bootstrapServers(), sentAt, latencies, running);
        System.out.printf("warm-up: %,d scans%n", Math.min(events, 20_000));
        publishAndWait(kafka.bootstrapServers(), Math.min(events, 20_000), targets, 0, sentAt);
        latencies.clear();
        Background idle = Background.measure(service.pid(), postgres.port());
        System.out.printf("measured: %,d scans over %,d targets%n", events, targets);
        long window = System.nanoTime();
        double serviceCpu = ProcessCpu.millis(service.pid());
        Map<String, Double> threads = ProcessCpu.jvmThreadMillis(service.pid());
        double postgresCpu = ProcessCpu.postgresMillis(postgres.port());
        Result r = publishAndWait(kafka.bootstrapServers(), events, targets, 1, sentAt);
        serviceCpu = ProcessCpu.millis(service.pid()) - serviceCpu;
        Map<String, Double> threadsAfter = ProcessCpu.jvmThreadMillis(service.pid());
        postgresCpu = ProcessCpu.postgresMillis(postgres.port()) - postgresCpu;
        double windowSeconds = (System.nanoTime() - window) / 1e9;
        Map<String, Double> net = new java.util.TreeMap<>();
        threadsAfter.forEach(
            (kind, ms) ->
                net.put(
                    kind,
                    (ms - threads.get(kind) - idle.threads().get(kind) * windowSeconds)
                        * 1000
                        / events));
        threadsAfter.replaceAll((kind, ms) -> (ms - threads.get(kind)) * 1000 / events);
        running.set(false);
        watcher.join();
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(Long::compare);
        System.out.printf(
            "published %,.0f/s; evaluated %,.0f events/s sustained (%.1f s); AlertFired samples %d,"
                + " publish->AlertFired p50 %d ms, p99 %d ms%n",
            r.publishRate(),
            r.consumeRate(),
            r.seconds(),
            sorted.size(),
            sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
            sorted.isEmpty() ? -1 : sorted.get((int) (sorted.size() * 0.99)));
        System.out.printf(
            "CPU per event: alert-service %.1f us (threads: %s us), PostgreSQL %.1f us;"
                + " load average %s%n",
            serviceCpu * 1000 / events,
            threadsAfter.entrySet().stream()
                .map(e -> e.getKey() + " " + Math.round(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")),
            postgresCpu * 1000 / events,
            ProcessCpu.loadAverage());
        System.out.printf(
            "background (idle %.0f s before): alert-service %.1f ms/s, PostgreSQL %.1f ms/s;"
                + " CPU per event without it (%.1f s): alert-service %.1f us (threads: %s us),"
                + " PostgreSQL %.1f us%n",
            idle.seconds(),
            idle.service(),
            idle.postgres(),
            windowSeconds,
            (serviceCpu - idle.service() * windowSeconds) * 1000 / events,
            net.entrySet().stream()
                .map(e -> e.getKey() + " " + Math.round(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")),
            (postgresCpu - idle.postgres() * windowSeconds) * 1000 / events);
      } finally {
        service.close();
      }
    }
  }

  record Result(double publishRate, double consumeRate, double seconds) {}

  /**
   * CPU per second of the idle service and PostgreSQL (consumers polling empty topics, heartbeats,
   * relay, sweeps, rule reloads). It is paid per second, not per event, so a slower run would be
   * charged more of it per event; the bench subtracts it to compare builds run at different speeds.
   *
   * @param service ms of CPU per second; {@code threads} the same by thread kind
   */
  record Background(double seconds, double service, Map<String, Double> threads, double postgres) {

    static final int SECONDS = 10;

    static Background measure(long pid, int postgresPort) throws InterruptedException {
      long start = System.nanoTime();
      double service = ProcessCpu.millis(pid);
      Map<String, Double> threads = ProcessCpu.jvmThreadMillis(pid);
      double postgres = ProcessCpu.postgresMillis(postgresPort);
      Thread.sleep(SECONDS * 1000L); // a benchmark driver: an idle window, not a wait for a state
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Double> after = ProcessCpu.jvmThreadMillis(pid);
      after.replaceAll((kind, ms) -> (ms - threads.get(kind)) / seconds);
      return new Background(
          seconds,
          (ProcessCpu.millis(pid) - service) / seconds,
          after,
          (ProcessCpu.postgresMillis(postgresPort) - postgres) / seconds);
    }
  }

  /**
   * Publishes {@code events} scans; one target in fifty alternates between 5 and 90 days left from
   * round to round, so its alert fires and resolves and yields latency samples.
   */
  static Result publishAndWait(
      String bootstrap, int events, int targets, int phase, Map<String, Long> sentAt)
      throws Exception {
    long before = committed(bootstrap);
    Instant now = Instant.now();
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(
            bootstrap,
            Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144"))) {
      for (int i = 0; i < events; i++) {
        int t = i % targets;
        int round = i / targets + phase * 1000;
        boolean flapper = t % 50 == 0;
        long days = flapper && round % 2 == 1 ? 5 : 90;
        String target = "bench-" + t;
        String id = UUID.randomUUID().toString();
        String scan =
            "{\"scanId\":\""
                + id
                + "\",\"targetId\":\""
                + target
                + "\",\"target\":{\"kind\":\"TLS_ENDPOINT\",\"host\":\""
                + target
                + ".example\",\"port\":443},\"labels\":{\"team\":\"bench\"},\"scannedAt\":\""
                + now
                + "\",\"outcome\":\"COMPLETED\",\"chain\":[],\"earliestNotAfter\":\""
                + now.plus(Duration.ofDays(days))
                + "\",\"daysLeft\":"
                + days
                + ",\"findings\":[]}";
        if (flapper && days == 5) {
          sentAt.put(id, System.currentTimeMillis());
        }
        producer.send(
            KafkaClients.cloudEvent(
                "vigil.certificate-scans",
                target,
                scan,
                id,
                "dev.vigil.certificate.scanned.v1",
                "/bench",
                now));
        if (i % 10 == 9) {
          KafkaClients.pace(start, i, rate);
        }
      }
      producer.flush();
    }
    double published = (System.nanoTime() - start) / 1e9;
    long target = before + events;
    long last = before;
    long lastProgress = System.nanoTime();
    while (last < target) {
      Thread.sleep(250); // a benchmark driver, not a test: plain polling of the group's offsets
      long c = committed(bootstrap);
      if (c != last) {
        last = c;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos()) {
        throw new IllegalStateException(
            "no progress for 60 s at " + (c - before) + " of " + events);
      }
    }
    double seconds = (lastProgress - start) / 1e9;
    return new Result(events / published, events / seconds, seconds);
  }

  /** Sum of the committed offsets of alert-service's group on the scans topic. */
  static long committed(String bootstrap) throws Exception {
    return KafkaClients.committed(bootstrap, "alert-service", "vigil.certificate-scans");
  }

  static Thread watchAlerts(
      String bootstrap, Map<String, Long> sentAt, List<Long> latencies, AtomicBoolean running) {
    return KafkaClients.watch(
        bootstrap,
        "vigil.alerts",
        "alerts-watcher",
        running,
        r -> {
          if (!"dev.vigil.alert.fired.v1".equals(KafkaClients.header(r, "ce_type"))) {
            return;
          }
          try {
            JsonNode fired = JSON.readTree(r.value());
            Long sent = sentAt.remove(fired.path("causationId").asText());
            if (sent != null) {
              latencies.add(r.timestamp() - sent);
            }
          } catch (Exception e) {
            // not an AlertFired we can read: not a sample
          }
        });
  }
}
