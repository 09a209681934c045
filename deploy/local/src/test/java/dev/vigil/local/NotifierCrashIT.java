package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.infra.LocalKafka;
import dev.vigil.infra.LocalPostgres;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two alert-service replicas notify from one database and one consumer group; one is killed with
 * SIGKILL in the middle of a stream of alerts and restarted. Every alert is notified, no alert is
 * notified in two different notifications, and a silence survives the crash.
 */
class NotifierCrashIT {

  private static final String OPERATOR_PASSWORD = "crash-test-operator";

  private static final Pattern SEQ = Pattern.compile("\"seq\":\"(\\d+)\"");
  private static final int BEFORE = 150;
  private static final int DURING = 150;
  private static final int AFTER = 100;

  /** Notification id -> sequence numbers of the alerts it carried, for every request received. */
  private final List<Map.Entry<String, List<Integer>>> requests = new CopyOnWriteArrayList<>();

  @Test
  void aKilledReplicaLosesNothingAndNothingIsNotifiedTwice() throws Exception {
    Path logs = VigilLocal.projectRoot().resolve("deploy/local/target/notifier-crash-logs");
    Path app = VigilLocal.projectRoot().resolve("alert-service/target/quarkus-app");
    HttpServer hook =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          List<Integer> seqs = new ArrayList<>();
          Matcher m = SEQ.matcher(body);
          while (m.find()) {
            seqs.add(Integer.parseInt(m.group(1)));
          }
          requests.add(
              Map.entry(
                  String.valueOf(ex.getRequestHeaders().getFirst("X-Vigil-Notification-Id")),
                  seqs));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    hook.start();
    try (LocalKafka kafka = LocalKafka.start(3);
        LocalPostgres postgres = LocalPostgres.start(null);
        KafkaCompanion companion = new KafkaCompanion(kafka.bootstrapServers())) {
      LocalPostgres.Database db = postgres.database("alert", "crash-test");
      Files.createDirectories(logs);
      Path config = logs.resolve("notify.yml");
      Files.writeString(
          config,
          """
          route:
            receiver: hook
            group_by: ['...']
            group_wait: 100ms
            group_interval: 1m
            repeat_interval: 4h
            routes:
              # Odd alerts (and the silenced -1) have no group_wait: their groups are flushed by
              # the intake that creates them; even ones go through the flusher.
              - matchers: ['seq=~".*[13579]"']
                group_wait: 0s
          receivers:
            - name: hook
              webhook_configs: [{url: 'http://127.0.0.1:%d/hook'}]
          """
              .formatted(hook.getAddress().getPort()));
      Map<String, String> env = ServiceProcess.env(kafka.bootstrapServers(), db, OPERATOR_PASSWORD);
      env.put("VIGIL_ALERT_NOTIFY_CONFIG", config.toString());
      env.put("VIGIL_ALERT_NOTIFY_LEASE", "3s");
      env.put("VIGIL_NOTIFIER_SESSION_TIMEOUT_MS", "6000");
      env.put("VIGIL_NOTIFIER_HEARTBEAT_MS", "1000");
      int base = FreePorts.consecutive(2);
      int[] ports = {base, base + 1};
      ServiceProcess a = ServiceProcess.start("notifier-a", app, ports[0], env, logs);
      ServiceProcess b = ServiceProcess.start("notifier-b", app, ports[1], env, logs);
      try {
        a.awaitReady(Duration.ofSeconds(180));
        b.awaitReady(Duration.ofSeconds(180));
        String silenceId = silence(a.url());
        publish(companion, 0, BEFORE);
        publish(companion, -1, 0); // the silenced alert
        a.kill();
        publish(companion, BEFORE, BEFORE + DURING);
        ServiceProcess restarted = ServiceProcess.start("notifier-a2", app, ports[0], env, logs);
        try {
          restarted.awaitReady(Duration.ofSeconds(180));
          publish(companion, BEFORE + DURING, BEFORE + DURING + AFTER);
          int total = BEFORE + DURING + AFTER;
          await().atMost(Duration.ofSeconds(120)).until(() -> notifiedSeqs().size() >= total);

          Map<Integer, Set<String>> notificationsPerAlert = new HashMap<>();
          for (Map.Entry<String, List<Integer>> r : requests) {
            for (int seq : r.getValue()) {
              notificationsPerAlert
                  .computeIfAbsent(seq, k -> ConcurrentHashMap.newKeySet())
                  .add(r.getKey());
            }
          }
          assertThat(notifiedSeqs()).hasSize(total).doesNotContain(-1);
          assertThat(notificationsPerAlert).allSatisfy((seq, ids) -> assertThat(ids).hasSize(1));
          long resends =
              requests.size() - requests.stream().map(Map.Entry::getKey).distinct().count();
          System.out.printf(
              "[notifier-crash] %d requests, %d resends of the same notification%n",
              requests.size(), resends);
          // One kill can leave at most the requests in flight at that moment unmarked.
          assertThat(resends).isLessThanOrEqualTo(DURING);

          HttpResponse<String> s =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(
                              URI.create(restarted.url() + "/api/v2/silence/" + silenceId))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertThat(s.statusCode()).isEqualTo(200);
          assertThat(s.body()).contains("\"state\":\"active\"");
        } finally {
          restarted.close();
        }
      } finally {
        a.close();
        b.close();
      }
    } finally {
      hook.stop(0);
    }
  }

  private Set<Integer> notifiedSeqs() {
    Set<Integer> seqs = ConcurrentHashMap.newKeySet();
    requests.forEach(r -> seqs.addAll(r.getValue()));
    return seqs;
  }

  private static String silence(String url) throws Exception {
    String body =
        """
        {"matchers": [{"name": "seq", "value": "-1", "isRegex": false}],
         "startsAt": "%s", "endsAt": "%s", "createdBy": "crash-test", "comment": "survives kill -9"}
        """
            .formatted(Instant.now(), Instant.now().plusSeconds(3600));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/v2/silences"))
                    .header("Content-Type", "application/json")
                    .header(
                        "Authorization", ServiceProcess.basicAuth("operator", OPERATOR_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("\"silenceID\":\"([^\"]+)\"").matcher(r.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Publishes AlertFired for {@code seq} in {@code [from, to)}; from = -1 means just that one. */
  private static void publish(KafkaCompanion kafka, int from, int to) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int seq = from; seq < Math.max(to, from + 1); seq++) {
      String fp = "crash-" + seq + "-" + UUID.randomUUID().toString().substring(0, 8);
      ProducerRecord<String, String> r =
          CrashTestAlerts.fired(fp, "CrashTest", "WARNING", Integer.toString(seq), Instant.now());
      records.add(r);
    }
    kafka.produceStrings().fromRecords(records).awaitCompletion();
  }
}
