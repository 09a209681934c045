package dev.vigil.local;

import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Three local TLS endpoints with generated certificates (healthy, expiring in 5 days, expired),
 * registered with the scanner through its public API, so a newcomer sees alerts and incidents
 * without internet access.
 */
final class Demo implements AutoCloseable {

  private record Scenario(String name, long daysLeft) {}

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("healthy", 200), new Scenario("expiring", 5), new Scenario("expired", -3));

  private final List<LocalTlsEndpoint> endpoints = new ArrayList<>();

  /**
   * Creates the demo CA and writes its certificate as PEM to {@code caFile}, so the scanner can be
   * told to trust it (the demo endpoints are then judged on expiry, not on an unknown issuer).
   */
  static TestPki createCa(Path caFile) {
    TestPki pki = TestPki.create("Vigil demo CA");
    try {
      Files.createDirectories(caFile.getParent());
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(pki.caCertificate().getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      Files.writeString(caFile, pem, StandardCharsets.US_ASCII);
      return pki;
    } catch (IOException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot write the demo CA to " + caFile, e);
    }
  }

  static Demo start(LocalSystem system, TestPki pki, java.util.function.Consumer<String> progress) {
    Demo demo = new Demo();
    HttpClient http = HttpClient.newHttpClient();
    String auth =
        Base64.getEncoder()
            .encodeToString(
                ("operator:" + system.operatorPassword()).getBytes(StandardCharsets.UTF_8));
    try {
      for (Scenario scenario : SCENARIOS) {
        LocalTlsEndpoint endpoint =
            LocalTlsEndpoint.start(pki.issueExpiringIn("localhost", scenario.daysLeft()));
        demo.endpoints.add(endpoint);
        String body =
            "{\"host\":\"localhost\",\"port\":%d,\"labels\":{\"demo\":\"%s\",\"team\":\"demo\"}}"
                .formatted(endpoint.port(), scenario.name());
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(system.url("scanner-service") + "/api/v1/targets"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + auth)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException(
              "registering the " + scenario.name() + " endpoint failed: " + response.body());
        }
        progress.accept(
            "demo endpoint '%s' (certificate %s) on localhost:%d"
                .formatted(
                    scenario.name(),
                    scenario.daysLeft() < 0
                        ? "expired " + -scenario.daysLeft() + " days ago"
                        : "expires in " + scenario.daysLeft() + " days",
                    endpoint.port()));
      }
      return demo;
    } catch (IOException e) {
      demo.close();
      throw new IllegalStateException("demo setup failed", e);
    } catch (InterruptedException e) {
      demo.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    endpoints.forEach(LocalTlsEndpoint::close);
  }
}
