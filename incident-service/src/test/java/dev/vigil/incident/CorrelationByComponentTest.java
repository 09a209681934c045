package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static dev.vigil.incident.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Correlation by component through real Kafka and PostgreSQL: an alert of another group that
 * affects a component an open incident holds joins that incident (default window 5m).
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class CorrelationByComponentTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing." + Channels.INCIDENTS + ".topic")
  String incidentsTopic;

  @Inject ObjectMapper mapper;

  private KafkaTestClient kafka;
  private ConsumerTask<String, String> incidents;

  @BeforeEach
  void follow() {
    kafka = new KafkaTestClient(bootstrap);
    incidents = kafka.follow(incidentsTopic);
  }

  @AfterEach
  void close() {
    kafka.close();
  }

  @Test
  void alertOfAnotherGroupOnTheSameComponentJoinsTheOpenIncident() {
    String chain = "cc-" + UUID.randomUUID();
    PublicWords.component(chain);
    String incident = PublicWords.incident(kafka, mapper, alertsTopic, chain);
    String otherGroup = "grp-" + UUID.randomUUID();
    String joiner = "fp-" + UUID.randomUUID();

    fire(otherGroup, joiner, Severity.WARNING, chain);

    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> Incidents.detail(incident).getList("alerts").size() == 2);
    JsonPath detail = Incidents.detail(incident);
    assertThat(detail.getString("severity")).isEqualTo("CRITICAL");
    assertThat(detail.getString("timeline.find { it.kind == 'ALERT_CORRELATED' }.message"))
        .contains("joined", otherGroup, "correlation window");
    assertThat(Incidents.idsOfGroup(otherGroup)).isEmpty();
    var updated =
        KafkaTestClient.awaitRecords(
            incidents,
            r ->
                incident.equals(r.key())
                    && EventType.INCIDENT_UPDATED.type().equals(header(r, "ce_type"))
                    && r.value().contains(joiner),
            1);
    assertThat(updated.get(0).value()).contains("ALERT_ATTACHED");

    // The joined group's next alert goes to the same incident, not to a new one.
    String second = "fp-" + UUID.randomUUID();
    fire(otherGroup, second, Severity.CRITICAL, chain);
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> Incidents.detail(incident).getList("alerts").size() == 3);
    assertThat(Incidents.idsOfGroup(otherGroup)).isEmpty();
  }

  @Test
  void incidentResolvesOnlyOnceTheJoinedAlertsHaveResolved() {
    String chain = "cc-" + UUID.randomUUID();
    PublicWords.component(chain);
    String incident = PublicWords.incident(kafka, mapper, alertsTopic, chain);
    String firstFp = Incidents.detail(incident).getString("alerts[0].fingerprint");
    String firstGroup = Incidents.detail(incident).getString("groupKey");
    String otherGroup = "grp-" + UUID.randomUUID();
    String joiner = "fp-" + UUID.randomUUID();
    fire(otherGroup, joiner, Severity.WARNING, chain);
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> Incidents.detail(incident).getList("alerts").size() == 2);

    resolve(firstGroup, firstFp);
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(
            () ->
                Incidents.detail(incident)
                        .getList("alerts.findAll { it.status == 'RESOLVED' }")
                        .size()
                    == 1);
    assertThat(Incidents.detail(incident).getString("status")).isEqualTo("TRIGGERED");

    resolve(otherGroup, joiner);
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> "RESOLVED".equals(Incidents.detail(incident).getString("status")));
  }

  @Test
  void alertOnAnotherComponentOpensItsOwnIncident() {
    String chain = "cc-" + UUID.randomUUID();
    String elsewhere = "cc-" + UUID.randomUUID();
    PublicWords.component(chain);
    PublicWords.component(elsewhere);
    String incident = PublicWords.incident(kafka, mapper, alertsTopic, chain);
    String otherGroup = "grp-" + UUID.randomUUID();

    fire(otherGroup, "fp-" + UUID.randomUUID(), Severity.WARNING, elsewhere);

    String own = Incidents.awaitIncidentOf(otherGroup);
    assertThat(own).isNotEqualTo(incident);
    assertThat(Incidents.detail(incident).getList("alerts")).hasSize(1);
  }

  private void fire(String group, String fp, Severity severity, String chain) {
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(
            mapper,
            new AlertFired(
                fp,
                "RpcLagging",
                severity,
                Map.of("chain", chain, "rule", "lag"),
                Map.of(),
                group,
                Instant.now(),
                Instant.now(),
                null,
                null)));
  }

  private void resolve(String group, String fp) {
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_RESOLVED.type()),
        Incidents.json(
            mapper,
            new AlertResolved(
                fp, "RpcLagging", Map.of(), group, Instant.now(), Instant.now(), "ok", null)));
  }
}
