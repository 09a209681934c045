package dev.vigil.scanner.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.infra.tls.TestCertificate;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.ChainVerification;
import dev.vigil.scanner.domain.Cidr;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real HTTP server on loopback serving issuers the way AIA endpoints do. */
class HttpIssuerFetcherTest {

  static final TestCertificate ROOT = TestPki.certificate("AIA Root").ca().selfSigned();
  static final TestCertificate ISSUER = TestPki.certificate("AIA Issuer").ca().issuedBy(ROOT);

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/issuer.der", ex -> respond(ex, 200, ISSUER.der()));
    server.createContext(
        "/issuer.pem", ex -> respond(ex, 200, ISSUER.pem().getBytes(StandardCharsets.US_ASCII)));
    server.createContext("/missing", ex -> respond(ex, 404, new byte[0]));
    server.createContext("/huge", ex -> respond(ex, 200, new byte[200_000]));
    server.createContext("/garbage", ex -> respond(ex, 200, "hello".getBytes()));
    server.createContext(
        "/slow",
        ex -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(ex, 200, ISSUER.der());
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void respond(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body)
      throws IOException {
    requests.incrementAndGet();
    ex.getResponseHeaders().add("Content-Type", "application/pkix-cert");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static HttpIssuerFetcher fetcher(AddressPolicy policy) {
    return new HttpIssuerFetcher(policy, Duration.ofMillis(1500), 65_536);
  }

  @Test
  void aDerIssuerIsFetched() {
    IssuerFetcher.Result result = fetcher(AddressPolicy.defaults()).fetch(base + "/issuer.der");

    assertThat(result.failure()).isNull();
    assertThat(result.certificates()).singleElement().isEqualTo(ISSUER.der());
  }

  @Test
  void aPemIssuerIsFetchedToo() {
    IssuerFetcher.Result result = fetcher(AddressPolicy.defaults()).fetch(base + "/issuer.pem");

    assertThat(result.certificates()).singleElement().isEqualTo(ISSUER.der());
  }

  @Test
  void httpErrorsAreReported() {
    assertThat(fetcher(AddressPolicy.defaults()).fetch(base + "/missing").failure())
        .isEqualTo("HTTP 404");
  }

  @Test
  void anOversizedResponseIsRefused() {
    assertThat(fetcher(AddressPolicy.defaults()).fetch(base + "/huge").failure())
        .contains("larger than 65536 bytes");
  }

  @Test
  void somethingThatIsNoCertificateIsRefused() {
    assertThat(fetcher(AddressPolicy.defaults()).fetch(base + "/garbage").failure())
        .startsWith("response is not a certificate");
  }

  @Test
  void aServerThatDoesNotAnswerTimesOut() {
    long start = System.nanoTime();
    IssuerFetcher.Result result = fetcher(AddressPolicy.defaults()).fetch(base + "/slow");

    assertThat(result.failure()).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theAddressPolicyIsHonoured() {
    AddressPolicy noLoopback =
        new AddressPolicy(List.of(), List.of(Cidr.parse("127.0.0.0/8")), Set.of());

    IssuerFetcher.Result result = fetcher(noLoopback).fetch(base + "/issuer.der");

    assertThat(result.failure()).startsWith("denied by policy");
    assertThat(requests).hasValue(0);
  }

  @Test
  void metadataAddressesAreNeverFetched() {
    IssuerFetcher.Result result =
        fetcher(AddressPolicy.defaults()).fetch("http://169.254.169.254/latest/meta-data/");

    assertThat(result.failure()).startsWith("denied by policy");
  }

  @Test
  void onlyPlainHttpUrlsAreFetched() {
    assertThat(fetcher(AddressPolicy.defaults()).fetch("ldap://ldap.example/cn=CA").failure())
        .startsWith("unsupported URL");
    assertThat(fetcher(AddressPolicy.defaults()).fetch("not a url").failure()).isNotNull();
  }

  @Test
  void theVerifierCompletesAChainWithAnIssuerFetchedOverHttp() {
    TestCertificate leaf =
        TestPki.certificate("aia-leaf.test").caIssuersUrl(base + "/issuer.der").issuedBy(ISSUER);
    ChainVerifier verifier =
        new ChainVerifier(
            TrustAnchors.of(List.of(ROOT.certificate()), Map.of()),
            fetcher(AddressPolicy.defaults()),
            true,
            new SignatureChecks());

    ChainVerification verification = verifier.verify(List.of(leaf.der()));

    assertThat(verification.trust()).isEqualTo(ChainVerification.Trust.TRUSTED);
    assertThat(verification.aia()).isEqualTo(ChainVerification.AiaOutcome.COMPLETED);
    assertThat(requests).hasValue(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HTTP/1.0 200 OK\r\nContent-Length: abc\r\n\r\nxyz",
        "HTTP/1.0 200 OK\r\nContent-Length: 5000\r\n\r\nshort",
        "not http at all",
        ""
      })
  void aBrokenResponseIsAFailureNotACrash(String response) throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer =
          new Thread(
              () -> {
                try (Socket s = raw.accept()) {
                  s.getInputStream().read(new byte[4096]);
                  s.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                  // the test asserts on what the fetcher made of it
                }
              });
      peer.start();

      IssuerFetcher.Result result =
          fetcher(AddressPolicy.defaults())
              .fetch("http://127.0.0.1:" + raw.getLocalPort() + "/issuer.der");

      assertThat(result.failure()).isNotBlank();
      assertThat(result.certificates()).isEmpty();
      peer.join(5_000);
    }
  }
}
