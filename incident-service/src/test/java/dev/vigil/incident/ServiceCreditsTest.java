package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.awaitRecords;
import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static dev.vigil.incident.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.incident.service.SlaService;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLA tiers, the credit report, and the once-per-period ServiceCreditsComputed event. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class ServiceCreditsTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing." + Channels.SERVICE_CREDITS + ".topic")
  String creditsTopic;

  @Inject ObjectMapper mapper;
  @Inject SlaService sla;
  @Inject EntityManager em;

  private void put(String path, String body, int status) {
    given()
        .auth()
        .preemptive()
        .basic("admin", "admin-secret")
        .contentType(ContentType.JSON)
        .body(body)
        .put(path)
        .then()
        .statusCode(status);
  }

  @Test
  void anEightHourOutageInAClosedMonthEarnsTheSecondCreditStepOnce() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String component = "sla-" + suffix;
    String chain = "sla-chain-" + suffix;
    put(
        "/api/v1/components/" + component,
        "{\"name\": \"SLA " + suffix + "\", \"match\": {\"chain\": \"" + chain + "\"}}",
        201);
    put(
        "/api/v1/sla/tiers/gold-" + suffix,
        "{\"targetPercent\": 99.9, \"components\": [\""
            + component
            + "\"], \"credits\": [{\"belowPercent\": 99.9, \"creditPercent\": 10},"
            + " {\"belowPercent\": 99.0, \"creditPercent\": 25}]}",
        201);
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      ConsumerTask<String, String> credits = kafka.follow(creditsTopic);
      kafka.send(
          alertsTopic,
          fp,
          ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
          Incidents.json(
              mapper,
              new AlertFired(
                  fp,
                  "RpcDown",
                  Severity.CRITICAL,
                  Map.of("chain", chain),
                  Map.of(),
                  group,
                  Instant.now(),
                  Instant.now(),
                  null,
                  null)));
      String incident = Incidents.awaitIncidentOf(group);
      kafka.send(
          alertsTopic,
          fp,
          ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_RESOLVED.type()),
          Incidents.json(
              mapper,
              new AlertResolved(
                  fp, "RpcDown", Map.of(), group, Instant.now(), Instant.now(), "ok", null)));
      await()
          .atMost(KafkaTestClient.WAIT)
          .until(() -> "RESOLVED".equals(Incidents.detail(incident).getString("status")));
      // Move the recorded outage into a month that is over: 8 hours on its second day.
      YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
      Instant start = month.atDay(2).atStartOfDay(ZoneOffset.UTC).toInstant();
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "update component_impact set started_at = ?1, ended_at = ?2"
                              + " where component_id = ?3")
                      .setParameter(1, start)
                      .setParameter(2, start.plus(Duration.ofHours(8)))
                      .setParameter(3, component)
                      .executeUpdate());
      double expected = 100.0 * (1 - 8.0 / (month.lengthOfMonth() * 24));

      String csv =
          given()
              .queryParam("month", month.toString())
              .queryParam("format", "csv")
              .get("/api/v1/sla/report")
              .then()
              .statusCode(200)
              .contentType(startsWith("text/csv"))
              .extract()
              .asString();
      String line =
          csv.lines().filter(l -> l.contains("," + component + ",")).findFirst().orElseThrow();
      assertThat(line).contains(",gold-" + suffix + ",").contains(",true,25.0,28800,0");

      assertThat(sla.closeIfDue(month, ZoneOffset.UTC)).isTrue();
      assertThat(sla.closeIfDue(month, ZoneOffset.UTC)).isFalse();

      List<ConsumerRecord<String, String>> events =
          awaitRecords(credits, r -> (month + "@Z").equals(r.key()), 1);
      assertThat(header(events.get(0), "ce_type"))
          .isEqualTo(EventType.SERVICE_CREDITS_COMPUTED.type());
      JsonNode ours = null;
      for (JsonNode result : mapper.readTree(events.get(0).value()).get("results")) {
        if (result.get("component").asText().equals(component)) {
          ours = result;
        }
      }
      assertThat(ours).isNotNull();
      assertThat(ours.get("creditPercent").asDouble()).isEqualTo(25.0);
      assertThat(ours.get("breached").asBoolean()).isTrue();
      assertThat(ours.get("uptimePercent").asDouble())
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ok|{\"credits\": []}|targetPercent",
        "ok|{\"targetPercent\": 0}|targetPercent",
        "ok|{\"targetPercent\": 99.9, \"credits\": [{\"belowPercent\": 99.9}]}|credits[0]",
        "ok|{\"targetPercent\": 99.9, \"credits\": [{\"belowPercent\": 99.9, \"creditPercent\": 5},"
            + " {\"belowPercent\": 99.0, \"creditPercent\": 1}]}|credits",
        "ok|{\"targetPercent\": 99.9, \"components\": [\"no-such-component\"]}|components[0]",
        "Bad Tier|{\"targetPercent\": 99.9}|tier"
      })
  void invalidTierIsAProblemNamingTheField(String tier, String body, String field) {
    given()
        .auth()
        .preemptive()
        .basic("admin", "admin-secret")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/sla/tiers/{tier}", tier)
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("errors[0].field", equalTo(field));
  }

  @Test
  void badReportParametersAreProblems() {
    given()
        .queryParam("month", "June")
        .get("/api/v1/sla/report")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("month"));
    given()
        .queryParam("timeZone", "Mars/Olympus")
        .get("/api/v1/sla/report")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("timeZone"));
  }
}
