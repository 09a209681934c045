package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.awaitRecords;
import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class AlertIdempotencyTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.outgoing." + Channels.INCIDENTS + ".topic")
  String incidentsTopic;

  @Inject ObjectMapper mapper;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrap);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void sameCloudEventTwiceChangesNothingTheSecondTime() {
    ConsumerTask<String, String> incidents = kafka.follow(incidentsTopic);
    String group = "grp-" + UUID.randomUUID();
    String fp = "fp-" + UUID.randomUUID();
    String ceId = UUID.randomUUID().toString();
    String alert = Incidents.json(mapper, Incidents.fired(group, fp, Severity.WARNING, "dup"));

    kafka.send(alertsTopic, fp, ceHeaders(ceId, EventType.ALERT_FIRED.type()), alert);
    String id = Incidents.awaitIncidentOf(group);
    awaitRecords(incidents, r -> id.equals(r.key()), 1);
    JsonPath before = Incidents.detail(id);

    kafka.send(alertsTopic, fp, ceHeaders(ceId, EventType.ALERT_FIRED.type()), alert);
    // A marker on the same partition (same key) is consumed only after the duplicate.
    String markerGroup = "grp-marker-" + UUID.randomUUID();
    kafka.send(
        alertsTopic,
        fp,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(
            mapper, Incidents.fired(markerGroup, "fp-" + UUID.randomUUID(), Severity.INFO, null)));
    String marker = Incidents.awaitIncidentOf(markerGroup);
    // The relay publishes in commit order: once the marker's event is out, a duplicate's would be.
    awaitRecords(incidents, r -> marker.equals(r.key()), 1);

    assertThat(Incidents.idsOfGroup(group)).containsExactly(id);
    JsonPath after = Incidents.detail(id);
    assertThat(after.getString("updatedAt")).isEqualTo(before.getString("updatedAt"));
    assertThat(after.getList("timeline.kind", String.class)).containsExactly("OPENED");
    assertThat(after.getList("alerts.lastFiredAt", String.class))
        .isEqualTo(before.getList("alerts.lastFiredAt", String.class));
    assertThat(incidents.getRecords()).filteredOn(r -> id.equals(r.key())).hasSize(1);
  }
}
