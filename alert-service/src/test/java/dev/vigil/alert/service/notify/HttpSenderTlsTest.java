package dev.vigil.alert.service.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.Delivery;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.Notification;
import dev.vigil.alert.domain.notify.NotifyAlert;
import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Webhooks over https through the notifier's Vert.x client, against a real TLS server on loopback:
 * the JDK trust store (here {@code javax.net.ssl.trustStore}, as an operator would set it) decides
 * which certificates are trusted, and the host name (or IP address) of the URL must be in the
 * certificate. A refused handshake is an I/O failure, retryable as in Alertmanager, and nothing
 * reaches the receiver.
 */
class HttpSenderTlsTest {

  private static final String[] TRUST_PROPERTIES = {
    "javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStorePassword"
  };
  private static final Map<String, String> saved = new HashMap<>();

  /** The CA of the trust store; a second CA stands for "issued by someone we do not trust". */
  private static final TestPki TRUSTED = TestPki.create("Vigil webhook test CA");

  private static final TestPki UNTRUSTED = TestPki.create("Unknown CA");

  private static Vertx vertx;

  @BeforeAll
  static void trustOnlyTheTestCa(@TempDir Path dir) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", TRUSTED.caCertificate());
    Path file = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      trust.store(out, "changeit".toCharArray());
    }
    for (String p : TRUST_PROPERTIES) {
      saved.put(p, System.getProperty(p));
    }
    System.setProperty("javax.net.ssl.trustStore", file.toString());
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void restoreTrust() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    saved.forEach(
        (p, v) -> {
          if (v == null) {
            System.clearProperty(p);
          } else {
            System.setProperty(p, v);
          }
        });
  }

  @Test
  void aWebhookWithATrustedCertificateForItsAddressIsDelivered() throws Exception {
    KeyMaterial served =
        TRUSTED.issue(
            "webhook.vigil.test",
            Instant.now().minusSeconds(3_600),
            Instant.now().plusSeconds(86_400));
    try (Receiver receiver = Receiver.start(served)) {
      Attempt attempt = send(receiver.url());

      assertThat(attempt).isEqualTo(new Attempt(Delivery.Outcome.SENT, "HTTP 200"));
      assertThat(receiver.notificationIds).containsExactly("n-tls");
    }
  }

  static Stream<Arguments> refusedCertificates() {
    Instant from = Instant.now().minusSeconds(3_600);
    Instant until = Instant.now().plusSeconds(86_400);
    return Stream.of(
        Arguments.of(
            "issued by a CA the trust store does not hold",
            UNTRUSTED.issue("webhook.vigil.test", from, until)),
        Arguments.of(
            "trusted, but for another name and no IP address (the URL says 127.0.0.1)",
            TestPki.certificate("other.vigil.test")
                .dns("other.vigil.test")
                .issuedBy(TRUSTED.asIssuer())
                .serveWith(TRUSTED.asIssuer())),
        Arguments.of(
            "self-signed for the right address",
            TestPki.certificate("127.0.0.1").ip("127.0.0.1").selfSigned().serveWith()),
        Arguments.of(
            "trusted and for this address, but expired",
            TRUSTED.issue("webhook.vigil.test", from.minusSeconds(86_400), from)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedCertificates")
  void aCertificateTheClientMustRefuseFailsTheHandshakeRetryablyAndDeliversNothing(
      String name, KeyMaterial served) throws Exception {
    try (Receiver receiver = Receiver.start(served)) {
      Attempt attempt = send(receiver.url());

      assertThat(attempt.outcome()).isEqualTo(Delivery.Outcome.RETRYABLE);
      // The detail names the TLS failure, and never the URL (it may carry a key).
      assertThat(attempt.detail()).containsIgnoringCase("SSL").doesNotContain("127.0.0.1");
      assertThat(receiver.notificationIds).isEmpty();
    }
  }

  /** One webhook POST through a fresh sender (its own client and SSL context). */
  private static Attempt send(String url) throws Exception {
    HttpSender sender =
        new HttpSender(
            vertx, new ObjectMapper(), settings(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    try {
      Instant startsAt = Instant.parse("2026-11-25T12:00:00Z");
      NotifyAlert alert =
          new NotifyAlert(
              "fp-tls", Map.of("alertname", "WebhookTls"), Map.of(), startsAt, null, null);
      Notification n =
          new Notification(
              "n-tls",
              "hook",
              "{}:{alertname=\"WebhookTls\"}",
              Map.of("alertname", "WebhookTls"),
              List.of(alert),
              List.of());
      return sender
          .send(new Integration.Webhook(url, true, 0), n, "http://localhost:8082")
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } finally {
      sender.close();
    }
  }

  private static NotifySettings settings() {
    return new NotifySettings() {
      @Override
      public Optional<String> config() {
        return Optional.empty();
      }

      @Override
      public Duration reloadInterval() {
        return Duration.ofSeconds(10);
      }

      @Override
      public String externalUrl() {
        return "http://localhost:8082";
      }

      @Override
      public Duration pollInterval() {
        return Duration.ofSeconds(1);
      }

      @Override
      public int flushBatch() {
        return 200;
      }

      @Override
      public Duration lease() {
        return Duration.ofSeconds(30);
      }

      @Override
      public Duration requestTimeout() {
        return Duration.ofSeconds(10);
      }

      @Override
      public Retry retry() {
        throw new UnsupportedOperationException("the sender does not retry");
      }
    };
  }

  /** A real https webhook receiver on 127.0.0.1 serving the given certificate. */
  private static final class Receiver implements AutoCloseable {
    final List<String> notificationIds = new CopyOnWriteArrayList<>();
    private final HttpsServer server;

    private Receiver(HttpsServer server) {
      this.server = server;
    }

    static Receiver start(KeyMaterial material) throws Exception {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "server",
          material.privateKey(),
          "changeit".toCharArray(),
          material.chain().toArray(X509Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, "changeit".toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(kmf.getKeyManagers(), null, null);
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      Receiver receiver = new Receiver(server);
      server.createContext(
          "/hook",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            receiver.notificationIds.add(
                exchange.getRequestHeaders().getFirst("X-Vigil-Notification-Id"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    }

    String url() {
      return "https://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
