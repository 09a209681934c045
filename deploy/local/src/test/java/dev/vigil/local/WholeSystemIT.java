package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.tls.LocalTlsEndpoint;
import dev.vigil.infra.tls.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thin slice, end to end: the three packaged services as separate processes on one real Kafka
 * broker and one real PostgreSQL. A TLS endpoint whose certificate expires in 5 days becomes an
 * incident visible over REST, and the incident resolves once the endpoint serves a renewed
 * certificate.
 */
class WholeSystemIT {

  private static final String PASSWORD = "whole-system-test";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalSystem system;
  private static TestPki pki;

  @BeforeAll
  static void startVigil() {
    Path root = VigilLocal.projectRoot();
    // The scanner trusts the test CA, as a user trusts a private CA: the only trouble with the
    // endpoint is then its expiry, and renewal must clear the whole incident.
    Path caFile = root.resolve("deploy/local/target/whole-system-ca.pem");
    pki = Demo.createCa(caFile);
    system =
        LocalSystem.start(
            new LocalSystem.Options(
                root,
                FreePorts.consecutive(3),
                Duration.ofSeconds(2),
                null,
                root.resolve("deploy/local/target/whole-system-logs"),
                Map.of(
                    "VIGIL_OPERATOR_PASSWORD",
                    PASSWORD,
                    "VIGIL_SCANNER_TRUST_CA_BUNDLES",
                    caFile.toString())),
            line -> System.out.println("[whole-system] " + line));
  }

  @AfterAll
  static void stopVigil() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void expiringCertificateBecomesAnIncidentThatResolvesAfterRenewal() throws Exception {
    try (LocalTlsEndpoint endpoint = LocalTlsEndpoint.start(pki.issueExpiringIn("localhost", 5))) {
      String targetId = registerTarget(endpoint.port());

      JsonNode incident =
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> incidentFor(targetId), Optional::isPresent)
              .get();
      assertThat(incident.get("status").asText()).isEqualTo("TRIGGERED");
      assertThat(incident.get("severity").asText()).isEqualTo("CRITICAL");
      assertThat(incident.get("title").asText()).contains("expires in 5 days");
      String incidentId = incident.get("id").asText();

      JsonNode alerts = get(system.url("alert-service") + "/api/v1/alerts");
      assertThat(alerts.findValuesAsText("target_id")).contains(targetId);

      endpoint.serve(pki.issueExpiringIn("localhost", 90));

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  get(system.url("incident-service") + "/api/v1/incidents/" + incidentId)
                      .get("status")
                      .asText(),
              "RESOLVED"::equals);
      JsonNode detail = get(system.url("incident-service") + "/api/v1/incidents/" + incidentId);
      assertThat(detail.get("resolvedAt").isNull()).isFalse();
      JsonNode active = get(system.url("alert-service") + "/api/v1/alerts");
      assertThat(active.findValuesAsText("target_id")).doesNotContain(targetId);
    }
  }

  private static String registerTarget(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(system.url("scanner-service") + "/api/v1/targets"))
                .header("Content-Type", "application/json")
                .header("Authorization", ServiceProcess.basicAuth("operator", PASSWORD))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"host\":\"localhost\",\"port\":"
                            + port
                            + ",\"labels\":{\"team\":\"slice\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("id").asText();
  }

  private static Optional<JsonNode> incidentFor(String targetId) throws Exception {
    JsonNode incidents = get(system.url("incident-service") + "/api/v1/incidents");
    return StreamSupport.stream(incidents.spliterator(), false)
        .filter(i -> targetId.equals(i.path("labels").path("target_id").asText()))
        .findFirst();
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
