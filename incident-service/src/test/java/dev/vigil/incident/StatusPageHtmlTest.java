package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The server-rendered status page and its Atom feed. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class StatusPageHtmlTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @Inject ObjectMapper mapper;

  @Test
  void pageShowsComponentsIncidentsAndEscapesNames() throws Exception {
    String chain = "html-" + UUID.randomUUID();
    String component = "html-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .auth()
        .preemptive()
        .basic("admin", "admin-secret")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Exchange <API> & co", "match", Map.of("chain", chain)))
        .put("/api/v1/components/{id}", component)
        .then()
        .statusCode(201);
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      kafka.send(
          alertsTopic,
          fp,
          ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
          Incidents.json(
              mapper,
              new AlertFired(
                  fp,
                  "ApiDown",
                  Severity.WARNING,
                  Map.of("chain", chain),
                  Map.of(),
                  group,
                  Instant.now(),
                  Instant.now(),
                  null,
                  null)));
      String incidentId = Incidents.awaitIncidentOf(group);
      await()
          .atMost(KafkaTestClient.WAIT)
          .until(
              () ->
                  given()
                      .get("/api/v1/components/{id}", component)
                      .then()
                      .extract()
                      .path("status")
                      .equals("partial_outage"));

      String html =
          given()
              .get("/status")
              .then()
              .statusCode(200)
              .contentType(startsWith("text/html"))
              .extract()
              .asString();

      assertThat(html)
          .contains("<meta name=\"viewport\"")
          .contains("Exchange &lt;API&gt; &amp; co")
          .doesNotContain("Exchange <API>")
          .contains("Partial outage")
          .contains("Active incidents")
          .doesNotContain("<script");
      String feed =
          given()
              .get("/status/feed.atom")
              .then()
              .statusCode(200)
              .contentType(startsWith("application/atom+xml"))
              .extract()
              .asString();
      Document atom =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(feed)));
      assertThat(atom.getDocumentElement().getTagName()).isEqualTo("feed");
      assertThat(feed).contains("urn:uuid:" + incidentId);
    }
  }
}
