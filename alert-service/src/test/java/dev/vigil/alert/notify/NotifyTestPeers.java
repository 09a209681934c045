package dev.vigil.alert.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real notification peers on loopback for the service's tests: an HTTP server standing in for
 * webhook, Slack and PagerDuty receivers, and a GreenMail SMTP server. It writes the routing file
 * the service loads. The test resource lives in another class loader than the tests, so tests read
 * what was received over HTTP: {@code GET /_received} (JSON list) and {@code GET /_mail}.
 *
 * <p>Receiver paths: {@code /hook}, {@code /slack}, {@code /pagerduty} answer 200; {@code /flaky}
 * answers 500 to the first two attempts of each notification, then 200; {@code /broken} always 400.
 */
public class NotifyTestPeers implements QuarkusTestResourceLifecycleManager {

  /** Routing file of the tests; also written by the reload test. */
  public static final String CONFIG =
      """
      route:
        receiver: hook
        group_by: [alertname, test_id]
        group_wait: 300ms
        group_interval: 1s
        repeat_interval: 1h
        routes:
          - matchers: ['test_receiver="flaky"']
            receiver: flaky
          - matchers: ['test_receiver="broken"']
            receiver: broken
          - matchers: ['test_receiver="mail"']
            receiver: mail
          - matchers: ['test_receiver="pager"']
            receiver: pager
          - matchers: ['test_receiver="muted"']
            receiver: hook
            mute_time_intervals: [always]
          - matchers: ['test_receiver="instant"']
            receiver: hook
            group_wait: 0s
      inhibit_rules:
        - source_matchers: ['alertname="ProviderDown"']
          target_matchers: ['alertname="ChainLag"']
          equal: [provider, test_id]
      time_intervals:
        - name: always
          time_intervals:
            - times: [{start_time: '00:00', end_time: '24:00'}]
      receivers:
        - name: hook
          webhook_configs: [{url: 'http://127.0.0.1:HTTP_PORT/hook'}]
        - name: flaky
          webhook_configs: [{url: 'http://127.0.0.1:HTTP_PORT/flaky'}]
        - name: broken
          webhook_configs: [{url: 'http://127.0.0.1:HTTP_PORT/broken'}]
        - name: mail
          email_configs:
            - to: ops@vigil.test
              from: vigil@vigil.test
              smarthost: '127.0.0.1:SMTP_PORT'
              require_tls: false
              send_resolved: true
        - name: pager
          pagerduty_configs: [{routing_key: test-routing-key, url: 'http://127.0.0.1:HTTP_PORT/pagerduty'}]
          slack_configs: [{api_url: 'http://127.0.0.1:HTTP_PORT/slack', send_resolved: true}]
      """;

  private final ObjectMapper json = new ObjectMapper();
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();
  private HttpServer http;
  private GreenMail smtp;

  @Override
  public Map<String, String> start() {
    try {
      int smtpPort = freePort();
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.setExecutor(Executors.newFixedThreadPool(8));
      http.createContext("/", this::handle);
      http.start();
      Path file = Files.createTempFile("vigil-notify-", ".yml");
      file.toFile().deleteOnExit();
      Files.writeString(file, config(http.getAddress().getPort(), smtpPort));
      return Map.of(
          "vigil.alert.notify.config", file.toString(),
          "vigil.alert.notify.reload-interval", "1s",
          "vigil.alert.notify.lease", "3s",
          "vigil.alert.notify.retry.initial-backoff", "50ms",
          "vigil.alert.notify.retry.max-backoff", "200ms",
          "vigil.alert.notify.retry.max-duration", "20s",
          "vigil.test.peers-url", "http://127.0.0.1:" + http.getAddress().getPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String config(int httpPort, int smtpPort) {
    return CONFIG
        .replace("HTTP_PORT", String.valueOf(httpPort))
        .replace("SMTP_PORT", String.valueOf(smtpPort));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (exchange.getRequestMethod().equals("GET") && path.equals("/_received")) {
      respond(exchange, 200, json.writeValueAsBytes(received));
      return;
    }
    if (exchange.getRequestMethod().equals("GET") && path.equals("/_mail")) {
      respond(exchange, 200, json.writeValueAsBytes(mails()));
      return;
    }
    String id = exchange.getRequestHeaders().getFirst("X-Vigil-Notification-Id");
    int status =
        switch (path) {
          case "/broken" -> 400;
          case "/flaky" ->
              flakyAttempts
                          .computeIfAbsent(String.valueOf(id), k -> new AtomicInteger())
                          .incrementAndGet()
                      <= 2
                  ? 500
                  : 200;
          default -> 200;
        };
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("path", path);
    record.put("status", status);
    record.put("notificationId", id);
    record.put("receivedAtMillis", System.currentTimeMillis());
    record.put("body", json.readTree(body));
    received.add(record);
    respond(exchange, status, new byte[0]);
  }

  private List<Map<String, Object>> mails() {
    List<Map<String, Object>> out = new ArrayList<>();
    try {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("subject", m.getSubject());
        mail.put("from", m.getFrom()[0].toString());
        mail.put("to", m.getAllRecipients()[0].toString());
        mail.put("body", String.valueOf(m.getContent()));
        out.add(mail);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void stop() {
    if (http != null) {
      http.stop(0);
    }
    if (smtp != null) {
      smtp.stop();
    }
  }
}
