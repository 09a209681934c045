package dev.vigil.scanner.chain.probe;

import static dev.vigil.scanner.chain.probe.SocketProbeHttpClientTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.tls.HostResolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The socket client's connections: keep-alive reuse, what ends a connection, the pool's bound, the
 * address it dials (the one the policy checked) and TLS (trust, host name, SNI).
 */
class SocketClientConnectionsTest {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final TestPki PKI = TestPki.create("Probe client test CA");

  /** "rpc.test" and "localhost" are 127.0.0.1, without asking DNS. */
  static final HostResolver LOOPBACK_NAMES = host -> List.of(InetAddress.getByName("127.0.0.1"));

  static SocketProbeHttpClient client(HostResolver resolver, SSLContext tls) {
    return new SocketProbeHttpClient(
        AddressPolicy.defaults(), resolver, 64 * 1024, Duration.ofSeconds(1), tls);
  }

  final SocketProbeHttpClient http =
      client(HostResolver.SYSTEM, SocketProbeHttpClient.defaultTls());

  @Test
  void keepAliveCarriesManyExchangesOverOneConnection() {
    try (RawHttpPeer peer = RawHttpPeer.fixed(RawHttpPeer.ok("ok", h -> h))) {
      for (int i = 0; i < 20; i++) {
        assertThat(post(http, peer.uri(), TIMEOUT).status()).isEqualTo(200);
      }

      assertThat(peer.connections).hasValue(1);
      assertThat(peer.requests).hasSize(20);
      assertThat(http.idleConnections()).isEqualTo(1);
    }
  }

  @Test
  void connectionCloseIsHonoured() {
    try (RawHttpPeer peer =
        RawHttpPeer.fixed(RawHttpPeer.ok("ok", h -> h + "Connection: close\r\n"))) {
      for (int i = 0; i < 3; i++) {
        assertThat(post(http, peer.uri(), TIMEOUT).status()).isEqualTo(200);
      }

      assertThat(peer.connections).hasValue(3);
      assertThat(http.liveConnections()).isZero();
    }
  }

  @Test
  void aConnectionIsDroppedAfterAnError() {
    AtomicInteger answered = new AtomicInteger();
    try (RawHttpPeer peer =
        RawHttpPeer.start(
            (head, out, socket) -> {
              String answer =
                  answered.getAndIncrement() == 0
                      ? "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"
                      : RawHttpPeer.ok("ok", h -> h);
              out.write(answer.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
              return true;
            })) {
      assertThat(post(http, peer.uri(), TIMEOUT).failure())
          .isEqualTo(ProbeFailure.MALFORMED_RESPONSE);
      assertThat(post(http, peer.uri(), TIMEOUT).status()).isEqualTo(200);

      assertThat(peer.connections).hasValue(2);
    }
  }

  @Test
  void aPooledConnectionThePeerClosedIsReplacedOnce() {
    // Answers one request per connection without saying so, as a server's idle timeout does.
    try (RawHttpPeer peer = RawHttpPeer.once(RawHttpPeer.ok("ok", h -> h))) {
      assertThat(post(http, peer.uri(), TIMEOUT).status()).isEqualTo(200);
      assertThat(post(http, peer.uri(), TIMEOUT).status()).isEqualTo(200);

      assertThat(peer.connections).hasValue(2);
      assertThat(peer.requests).hasSize(2);
    }
  }

  @Test
  void idleConnectionsPerEndpointAreBounded() throws Exception {
    int parallel = SocketProbeHttpClient.MAX_IDLE_PER_ENDPOINT + 16;
    CountDownLatch allIn = new CountDownLatch(parallel);
    ExecutorService callers = Executors.newFixedThreadPool(parallel);
    try (RawHttpPeer peer =
        RawHttpPeer.start(
            (head, out, socket) -> {
              allIn.countDown();
              allIn.await(10, TimeUnit.SECONDS); // every request holds its own connection
              out.write(
                  RawHttpPeer.ok("ok", h -> h)
                      .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
              return true;
            })) {
      List<CompletableFuture<HttpOutcome>> calls = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> post(http, peer.uri(), TIMEOUT), callers));
      }
      for (CompletableFuture<HttpOutcome> call : calls) {
        assertThat(call.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
      }

      assertThat(peer.connections).hasValue(parallel);
      assertThat(http.idleConnections()).isEqualTo(SocketProbeHttpClient.MAX_IDLE_PER_ENDPOINT);
      assertThat(http.liveConnections()).isEqualTo(SocketProbeHttpClient.MAX_IDLE_PER_ENDPOINT);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void theAddressDialledIsTheAddressThePolicyChecked() throws Exception {
    // A rebinding DNS server: a loopback answer first, the cloud metadata address afterwards.
    AtomicInteger lookups = new AtomicInteger();
    HostResolver rebinding =
        host -> {
          if (!host.equals("rebind.test")) {
            throw new UnknownHostException(host);
          }
          return List.of(
              InetAddress.getByName(
                  lookups.getAndIncrement() == 0 ? "127.0.0.1" : "169.254.169.254"));
        };
    SocketProbeHttpClient client = client(rebinding, SocketProbeHttpClient.defaultTls());
    try (RawHttpPeer peer = RawHttpPeer.fixed(RawHttpPeer.ok("ok", h -> h))) {
      HttpOutcome first = post(client, peer.uri("rebind.test"), TIMEOUT);
      HttpOutcome second = post(client, peer.uri("rebind.test"), TIMEOUT);

      assertThat(first.status()).isEqualTo(200);
      assertThat(peer.requests.get(0)).contains("Host: rebind.test:" + peer.port());
      assertThat(second.failure()).isEqualTo(ProbeFailure.DENIED_BY_POLICY);
      assertThat(peer.requests).hasSize(1); // not even over the pooled connection
      assertThat(lookups).hasValue(2); // one lookup per exchange, none by the socket layer
    }
  }

  @Test
  void aNameThatAlsoResolvesInsideIsNeverContacted() throws Exception {
    HostResolver split =
        host ->
            List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("169.254.169.254"));
    try (RawHttpPeer peer = RawHttpPeer.fixed(RawHttpPeer.ok("ok", h -> h))) {
      HttpOutcome outcome =
          post(client(split, SocketProbeHttpClient.defaultTls()), peer.uri("split.test"), TIMEOUT);

      assertThat(outcome.failure()).isEqualTo(ProbeFailure.DENIED_BY_POLICY);
      assertThat(peer.connections).hasValue(0);
    }
  }

  @Test
  void httpsVerifiesTheCertificateForTheHostNameAndSendsItAsSni() throws Exception {
    try (RawHttpPeer peer =
        RawHttpPeer.tls(serverTls(PKI.issueExpiringIn("rpc.test", 30)), okAnswer())) {
      SocketProbeHttpClient client = client(LOOPBACK_NAMES, trusting(PKI.caCertificate()));
      for (int i = 0; i < 3; i++) {
        assertThat(post(client, peer.uri("rpc.test"), TIMEOUT).status()).isEqualTo(200);
      }

      assertThat(peer.serverNames).containsExactly("rpc.test"); // one handshake, kept alive
      assertThat(peer.requests).hasSize(3);
    }
  }

  @Test
  void httpsToAnIpLiteralChecksTheIpNameAndSendsNoSni() throws Exception {
    try (RawHttpPeer peer =
        RawHttpPeer.tls(serverTls(PKI.issueExpiringIn("rpc.test", 30)), okAnswer())) {
      HttpOutcome outcome =
          post(client(HostResolver.SYSTEM, trusting(PKI.caCertificate())), peer.uri(), TIMEOUT);

      assertThat(outcome.status()).isEqualTo(200);
      assertThat(peer.serverNames).containsExactly("");
    }
  }

  @Test
  void aCertificateForAnotherNameIsRefused() throws Exception {
    try (RawHttpPeer peer =
        RawHttpPeer.tls(serverTls(PKI.issueExpiringIn("other.test", 30)), okAnswer())) {
      HttpOutcome outcome =
          post(
              client(LOOPBACK_NAMES, trusting(PKI.caCertificate())), peer.uri("rpc.test"), TIMEOUT);

      assertThat(outcome.failure()).isEqualTo(ProbeFailure.UNREACHABLE);
      assertThat(outcome.detail()).startsWith("SSLHandshakeException");
      assertThat(peer.requests).isEmpty();
    }
  }

  @Test
  void aCertificateFromAnUntrustedIssuerIsRefused() throws Exception {
    try (RawHttpPeer peer =
        RawHttpPeer.tls(serverTls(PKI.issueExpiringIn("rpc.test", 30)), okAnswer())) {
      HttpOutcome outcome =
          post(
              client(LOOPBACK_NAMES, SocketProbeHttpClient.defaultTls()),
              peer.uri("rpc.test"),
              TIMEOUT);

      assertThat(outcome.failure()).isEqualTo(ProbeFailure.UNREACHABLE);
      assertThat(peer.requests).isEmpty();
    }
  }

  @Test
  void aTlsPeerThatNeverFinishesTheHandshakeCostsTheDeadline() throws Exception {
    try (dev.vigil.scanner.peers.LoopbackServer peer =
        dev.vigil.scanner.peers.LoopbackServer.start(
            socket -> new CountDownLatch(1).await(30, TimeUnit.SECONDS))) {
      Duration short_ = Duration.ofMillis(1500);
      long started = System.nanoTime();
      HttpOutcome outcome =
          post(
              client(LOOPBACK_NAMES, trusting(PKI.caCertificate())),
              URI.create("https://rpc.test:" + peer.port() + "/"),
              short_);

      assertThat(outcome.failure()).isEqualTo(ProbeFailure.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(short_.plusMillis(700));
    }
  }

  static RawHttpPeer.Answer okAnswer() {
    return (head, out, socket) -> {
      out.write(RawHttpPeer.ok("ok", h -> h).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return true;
    };
  }

  static SSLContext serverTls(KeyMaterial material) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "changeit".toCharArray();
    store.setKeyEntry(
        "server",
        material.privateKey(),
        password,
        material.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  static SSLContext trusting(X509Certificate ca) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
