package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.awaitRecords;
import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static dev.vigil.incident.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class AlertPipelineTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing." + Channels.INCIDENTS + ".topic")
  String incidentsTopic;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".dead-letter-queue.topic")
  String deadLetterTopic;

  @Inject ObjectMapper mapper;

  private KafkaTestClient kafka;
  private ConsumerTask<String, String> incidents;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrap);
    incidents = kafka.follow(incidentsTopic);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  private void fire(String group, String fp, Severity severity, String summary) {
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(mapper, Incidents.fired(group, fp, severity, summary)));
  }

  private void resolve(String group, String fp) {
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_RESOLVED.type()),
        Incidents.json(mapper, Incidents.resolved(group, fp)));
  }

  private JsonNode data(ConsumerRecord<String, String> record) throws Exception {
    return mapper.readTree(record.value());
  }

  @Test
  void alertsOfOneGroupOpenUpdateAndResolveOneIncident() throws Exception {
    String group = "grp-" + UUID.randomUUID();
    String fpA = "fp-a-" + UUID.randomUUID();
    String fpB = "fp-b-" + UUID.randomUUID();

    // First alert: an incident opens and is announced, keyed by its id.
    fire(group, fpA, Severity.WARNING, "api.example.com certificate expires in 5 days");
    String id = Incidents.awaitIncidentOf(group);
    ConsumerRecord<String, String> opened =
        awaitRecords(incidents, r -> id.equals(r.key()), 1).get(0);
    assertThat(header(opened, "ce_type")).isEqualTo("dev.vigil.incident.opened.v1");
    assertThat(header(opened, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(opened, "ce_source")).isEqualTo("/vigil/incident-service");
    assertThat(header(opened, "ce_subject")).isEqualTo(id);
    assertThat(header(opened, "ce_id")).isNotBlank();
    assertThat(header(opened, "ce_time")).isNotBlank();
    JsonNode openedData = data(opened);
    assertThat(openedData.get("incidentId").asText()).isEqualTo(id);
    assertThat(openedData.get("groupKey").asText()).isEqualTo(group);
    assertThat(openedData.get("title").asText())
        .isEqualTo("api.example.com certificate expires in 5 days");
    assertThat(openedData.get("severity").asText()).isEqualTo("WARNING");
    assertThat(openedData.get("alertFingerprints").get(0).asText()).isEqualTo(fpA);

    // Second alert of the group: attached, no second incident.
    fire(group, fpB, Severity.CRITICAL, "second");
    ConsumerRecord<String, String> updated =
        awaitRecords(incidents, r -> id.equals(r.key()), 2).get(1);
    assertThat(header(updated, "ce_type")).isEqualTo("dev.vigil.incident.updated.v1");
    JsonNode updatedData = data(updated);
    assertThat(updatedData.get("change").asText()).isEqualTo("ALERT_ATTACHED");
    assertThat(updatedData.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(updatedData.get("alertFingerprint").asText()).isEqualTo(fpB);
    assertThat(updatedData.get("activeAlerts").asInt()).isEqualTo(2);
    assertThat(Incidents.idsOfGroup(group)).containsExactly(id);

    // Both alerts resolve: the incident resolves.
    resolve(group, fpA);
    resolve(group, fpB);
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> "RESOLVED".equals(Incidents.detail(id).getString("status")));
    List<ConsumerRecord<String, String>> all = awaitRecords(incidents, r -> id.equals(r.key()), 4);
    assertThat(all)
        .extracting(r -> header(r, "ce_type"))
        .containsExactly(
            EventType.INCIDENT_OPENED.type(),
            EventType.INCIDENT_UPDATED.type(),
            EventType.INCIDENT_UPDATED.type(),
            EventType.INCIDENT_RESOLVED.type());
    JsonNode resolvedData = data(all.get(3));
    assertThat(resolvedData.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(resolvedData.get("resolvedBy").asText()).isEqualTo("system");
    assertThat(data(all.get(2)).get("change").asText()).isEqualTo("ALERT_RESOLVED");

    JsonPath detail = Incidents.detail(id);
    assertThat(detail.getString("resolvedAt")).isNotBlank();
    assertThat(detail.getInt("activeAlerts")).isZero();
    assertThat(detail.getList("alerts.status", String.class)).containsOnly("RESOLVED").hasSize(2);
    assertThat(detail.getList("alerts.fingerprint", String.class))
        .containsExactlyInAnyOrder(fpA, fpB);
    assertThat(detail.getList("timeline.kind", String.class))
        .containsExactly(
            "OPENED",
            "ALERT_ATTACHED",
            "SEVERITY_CHANGED",
            "ALERT_RESOLVED",
            "ALERT_RESOLVED",
            "RESOLVED");
    assertThat(detail.getList("timeline.actor", String.class)).containsOnly("system");
  }

  @Test
  void alertOfAGroupWhoseIncidentJustResolvedReopensIt() {
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    fire(group, fp, Severity.WARNING, null);
    String first = Incidents.awaitIncidentOf(group);
    resolve(group, fp);
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> "RESOLVED".equals(Incidents.detail(first).getString("status")));

    fire(group, fp, Severity.WARNING, null);

    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> "TRIGGERED".equals(Incidents.detail(first).getString("status")));
    assertThat(Incidents.idsOfGroup(group)).containsExactly(first);
    assertThat(Incidents.detail(first).getList("timeline.kind", String.class))
        .containsSubsequence("RESOLVED", "REOPENED");
  }

  @Test
  void resolutionOfAnUnknownAlertIsIgnoredNotDeadLettered() {
    String fp = "fp-unknown-" + UUID.randomUUID();
    String resolutionId = UUID.randomUUID().toString();
    ConsumerTask<String, String> dlq = kafka.follow(deadLetterTopic);
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(resolutionId, EventType.ALERT_RESOLVED.type()),
        Incidents.json(mapper, Incidents.resolved("grp-none", fp)));
    // A later record on the same partition proves the resolution was consumed.
    String group = "grp-" + UUID.randomUUID();
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(
            mapper, Incidents.fired(group, "fp-" + UUID.randomUUID(), Severity.INFO, null)));

    Incidents.awaitIncidentOf(group);

    assertThat(dlq.getRecords()).noneMatch(r -> resolutionId.equals(header(r, "ce_id")));
    assertThat(Incidents.idsOfGroup("grp-none")).isEmpty();
  }
}
