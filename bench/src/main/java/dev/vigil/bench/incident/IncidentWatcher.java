package dev.vigil.bench.incident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code vigil.incidents}. For a watched run it notes, per group, when its incident became
 * visible over REST: on {@code IncidentOpened} (published by the outbox relay only after the
 * transaction committed) it asks {@code GET /api/v1/incidents/{id}} and stamps the time of the 200.
 * So the figure is an upper bound of REST visibility: it includes the relay's poll interval. It
 * also counts {@code IncidentResolved} per run: the last one marks a run as fully processed.
 */
final class IncidentWatcher implements AutoCloseable {

  private static final Pattern GROUP = Pattern.compile("\"groupKey\":\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"incidentId\":\"([^\"]+)\"");

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private final ExecutorService rest = Executors.newFixedThreadPool(4);
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final Map<String, AtomicLongArray> visible = new ConcurrentHashMap<>();
  private final Map<String, Long> resolved = new ConcurrentHashMap<>();
  private final Map<String, Long> lastResolvedNanos = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  IncidentWatcher(String bootstrap, String baseUrl) {
    this.baseUrl = baseUrl;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put("allow.auto.create.topics", "true");
    consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of("vigil.incidents"));
    thread = new Thread(this::loop, "incident-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stamps REST visibility for the first {@code groups} groups of {@code run}. */
  AtomicLongArray watch(String run, int groups) {
    AtomicLongArray times = new AtomicLongArray(groups);
    visible.put(run, times);
    return times;
  }

  long resolvedCount(String run) {
    return resolved.getOrDefault(run, 0L);
  }

  /** Waits until {@code groups} incidents of {@code run} resolved; returns the last one's time. */
  long awaitResolved(String run, long groups, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (resolvedCount(run) >= groups) {
        return lastResolvedNanos.get(run);
      }
      Thread.sleep(20); // a benchmark driver, not a test
    }
    return -1;
  }

  private void loop() {
    while (running) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
        long now = System.nanoTime();
        Header type = r.headers().lastHeader("ce_type");
        if (type == null) {
          continue;
        }
        String t = new String(type.value(), StandardCharsets.UTF_8);
        Matcher g = GROUP.matcher(r.value());
        if (!g.find()) {
          continue;
        }
        String groupKey = g.group(1);
        int dash = groupKey.lastIndexOf("-g");
        if (dash < 0) {
          continue;
        }
        String run = groupKey.substring(0, dash);
        if (t.equals("dev.vigil.incident.resolved.v1")) {
          resolved.merge(run, 1L, Long::sum);
          lastResolvedNanos.put(run, now);
        } else if (t.equals("dev.vigil.incident.opened.v1")) {
          AtomicLongArray times = visible.get(run);
          Matcher id = ID.matcher(r.value());
          if (times != null && id.find()) {
            int group = Integer.parseInt(groupKey.substring(dash + 2));
            String incidentId = id.group(1);
            if (group < times.length()) {
              rest.submit(() -> stampVisible(incidentId, times, group));
            }
          }
        }
      }
    }
  }

  private void stampVisible(String incidentId, AtomicLongArray times, int group) {
    try {
      HttpRequest get =
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/incidents/" + incidentId)).build();
      if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
        times.compareAndSet(group, 0, System.nanoTime());
      }
    } catch (Exception e) {
      // counted as not visible
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
    consumer.close();
    rest.shutdownNow();
  }
}
