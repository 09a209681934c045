package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.awaitRecords;
import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static dev.vigil.incident.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alerts channel survives batches that fail or hang: a failed batch is replayed record by
 * record (only the record that fails on its own is dead-lettered), and a poll stuck for longer than
 * the stall timeout is reported by the liveness check while the channel itself stays up and goes on
 * once the poll moves again. (Before, SmallRye's unacknowledged-record age limit failed the channel
 * for good on a slow host.)
 */
@QuarkusTest
@TestProfile(AlertIntakeRobustnessTest.QuickStall.class)
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class AlertIntakeRobustnessTest {

  public static class QuickStall implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("vigil.incident.consumer.stall-timeout", "2s");
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".dead-letter-queue.topic")
  String deadLetterTopic;

  @Inject ObjectMapper mapper;
  @Inject AgroalDataSource dataSource;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrap);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  private void fire(String key, String group) {
    kafka.send(
        alertsTopic,
        key,
        ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
        Incidents.json(
            mapper, Incidents.fired(group, "fp-" + UUID.randomUUID(), Severity.WARNING, null)));
  }

  @Test
  void aBatchThatFailsIsReplayedRecordByRecordAndTheChannelKeepsConsuming() throws Exception {
    String run = UUID.randomUUID().toString();
    String doomed = "doomed-" + run;
    // A rule only the database knows: rows of this group are refused.
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "create or replace function refuse_doomed() returns trigger language plpgsql as $$"
              + " begin if new.group_key like 'doomed-%' then"
              + " raise exception 'refused group %', new.group_key; end if; return new; end $$");
      st.execute("drop trigger if exists refuse_doomed on incident");
      st.execute(
          "create trigger refuse_doomed before insert on incident"
              + " for each row execute function refuse_doomed()");
    }
    try {
      ConsumerTask<String, String> dlq = kafka.follow(deadLetterTopic);
      String key = "batch-" + run; // one partition: the three records are read in this order
      fire(key, "ok1-" + run);
      fire(key, doomed);
      fire(key, "ok2-" + run);

      ConsumerRecord<String, String> dead = awaitRecords(dlq, r -> key.equals(r.key()), 1).get(0);
      assertThat(header(dead, "dead-letter-reason")).contains("refused group " + doomed);
      Incidents.awaitIncidentOf("ok1-" + run);
      Incidents.awaitIncidentOf("ok2-" + run);
      assertThat(Incidents.idsOfGroup(doomed)).isEmpty();

      fire(key, "ok3-" + run);
      Incidents.awaitIncidentOf("ok3-" + run);
      assertThat(dlq.getRecords().stream().filter(r -> key.equals(r.key()))).hasSize(1);
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement st = c.createStatement()) {
        st.execute("drop trigger if exists refuse_doomed on incident");
      }
    }
  }

  @Test
  void aStuckPollFailsLivenessAndTheChannelGoesOnOnceItMoves() throws Exception {
    String run = UUID.randomUUID().toString();
    String stuck = "stuck-" + run;
    String behind = "behind-" + run;
    String key = "stall-" + run;
    try (Connection lock = dataSource.getConnection()) {
      // Holds the group's advisory lock, which the intake takes before it touches the group.
      advisory(lock, "pg_advisory_lock", stuck);
      fire(key, stuck);
      fire(key, behind);

      await()
          .atMost(KafkaTestClient.WAIT)
          .until(() -> given().get("/q/health/live").statusCode() == 503);
      assertThat(Incidents.idsOfGroup(stuck)).isEmpty();
      assertThat(Incidents.idsOfGroup(behind)).isEmpty();

      advisory(lock, "pg_advisory_unlock", stuck);
    }
    Incidents.awaitIncidentOf(stuck);
    Incidents.awaitIncidentOf(behind);
    await()
        .atMost(KafkaTestClient.WAIT)
        .until(() -> given().get("/q/health/live").statusCode() == 200);
    given().get("/q/health/ready").then().statusCode(200);
  }

  private static void advisory(Connection c, String function, String group) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
      ps.setString(1, group);
      ps.executeQuery().close();
    }
  }
}
