package dev.vigil.alert.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.service.notify.NotificationIntake;
import dev.vigil.events.EventType;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AlertFired / AlertResolved on the alerts topic to real receivers on loopback. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
@QuarkusTestResource(NotifyTestPeers.class)
class NotificationFlowTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  /** Longer than group_wait + group_interval of the test routing: time enough to notify twice. */
  static final Duration QUIET = Duration.ofMillis(2500);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.alert-notifications.topic")
  String topic;

  @ConfigProperty(name = "vigil.test.peers-url")
  String peersUrl;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

  KafkaCompanion kafka;
  NotifyFixtures fx;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
    fx = new NotifyFixtures(json, kafka, topic, peersUrl);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void firedAlertReachesTheWebhookAsAlertmanagerV4AfterGroupWaitAndResolvesLater() {
    String test = "t-" + UUID.randomUUID();
    Map<String, String> labels =
        NotifyFixtures.labels("CertificateExpiring", test, "host", "a.example");
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long published = System.currentTimeMillis();
    fx.fire(labels, UUID.randomUUID().toString(), startsAt);

    await().atMost(WAIT).until(() -> fx.received("/hook", test).size() == 1);
    JsonNode record = fx.received("/hook", test).get(0);
    assertThat(record.path("receivedAtMillis").asLong() - published).isGreaterThanOrEqualTo(300);
    JsonNode body = record.path("body");
    assertThat(body.path("version").asText()).isEqualTo("4");
    assertThat(body.path("status").asText()).isEqualTo("firing");
    assertThat(body.path("receiver").asText()).isEqualTo("hook");
    assertThat(body.path("groupKey").asText())
        .isEqualTo("{}:{alertname=\"CertificateExpiring\", test_id=\"" + test + "\"}");
    assertThat(body.path("truncatedAlerts").asInt()).isZero();
    assertThat(body.path("groupLabels").path("test_id").asText()).isEqualTo(test);
    assertThat(body.path("commonLabels").path("severity").asText()).isEqualTo("critical");
    assertThat(body.path("commonAnnotations").path("summary").asText())
        .isEqualTo("summary of CertificateExpiring");
    assertThat(body.path("externalURL").asText()).isNotBlank();
    JsonNode alert = body.path("alerts").get(0);
    assertThat(alert.path("status").asText()).isEqualTo("firing");
    assertThat(alert.path("labels").path("host").asText()).isEqualTo("a.example");
    assertThat(Instant.parse(alert.path("startsAt").asText())).isEqualTo(startsAt);
    assertThat(alert.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(alert.path("fingerprint").asText()).isEqualTo(NotifyFixtures.fingerprint(labels));
    assertThat(alert.has("generatorURL")).isTrue();

    fx.resolve(labels, startsAt);
    await().atMost(WAIT).until(() -> fx.received("/hook", test).size() == 2);
    JsonNode resolved = fx.received("/hook", test).get(1).path("body");
    assertThat(resolved.path("status").asText()).isEqualTo("resolved");
    assertThat(resolved.path("alerts").get(0).path("status").asText()).isEqualTo("resolved");
    assertThat(resolved.path("alerts").get(0).path("endsAt").asText())
        .isNotEqualTo("0001-01-01T00:00:00Z");
    // The resolved alert keeps the annotations it fired with (AlertResolved carries none).
    assertThat(resolved.path("commonAnnotations").path("summary").asText()).isNotBlank();
  }

  @Test
  void aNewGroupWithoutGroupWaitIsNotifiedAtOnceAndLaterAlertsWaitForGroupInterval() {
    String test = "t-" + UUID.randomUUID();
    Map<String, String> first = NotifyFixtures.labels("Instant", test, "test_receiver", "instant");
    Map<String, String> second =
        NotifyFixtures.labels("Instant", test, "test_receiver", "instant", "host", "b");
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long published = System.currentTimeMillis();
    String ceId = fx.fire(first, UUID.randomUUID().toString(), at);
    // Flushed by the intake transaction that created the group (no group_wait).
    await().atMost(WAIT).until(() -> fx.received("/hook", test).size() == 1);
    assertThat(fx.received("/hook", test).get(0).path("body").path("alerts")).hasSize(1);

    fx.fire(first, ceId, at); // redelivered: nothing new
    fx.fire(second);
    await().atMost(WAIT).until(() -> fx.received("/hook", test).size() == 2);
    JsonNode update = fx.received("/hook", test).get(1);
    // The group exists now: the second alert waits for group_interval (1 s after the first flush,
    // which came after the publish) and comes with both.
    assertThat(update.path("receivedAtMillis").asLong() - published).isGreaterThanOrEqualTo(1000);
    assertThat(update.path("body").path("alerts")).hasSize(2);
    assertThat(update.path("body").path("groupKey").asText())
        .isEqualTo(fx.received("/hook", test).get(0).path("body").path("groupKey").asText());
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(() -> fx.received("/hook", test).size() == 2);
    String mine = "findAll { it.groupKey.contains('" + test + "') }";
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .queryParam("receiver", "hook")
                    .queryParam("limit", 1000)
                    .when()
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body(mine + ".status", org.hamcrest.Matchers.everyItem(equalTo("sent")))
                    .body(mine + ".size()", equalTo(2)));
  }

  @Test
  void theSameEventTwiceAndAnUnchangedRefireNotifyOnce() {
    String test = "t-" + UUID.randomUUID();
    Map<String, String> labels = NotifyFixtures.labels("Dup", test);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String ceId = UUID.randomUUID().toString();
    fx.fire(labels, ceId, at);
    await().atMost(WAIT).until(() -> fx.received("/hook", test).size() == 1);

    fx.fire(labels, ceId, at);
    String unchanged = fx.fire(labels, UUID.randomUUID().toString(), at);
    await()
        .atMost(WAIT)
        .until(() -> infrastructure.processed(NotificationIntake.CONSUMER, unchanged));
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(() -> fx.received("/hook", test).size() == 1);
  }

  @Test
  void aServerErrorIsRetriedWithBackOffUntilItSucceeds() {
    String test = "t-" + UUID.randomUUID();
    fx.fire(NotifyFixtures.labels("Flaky", test, "test_receiver", "flaky"));
    await().atMost(WAIT).until(() -> fx.received("/flaky", test).size() == 3);
    assertThat(fx.received("/flaky", test))
        .extracting(r -> r.path("status").asInt())
        .containsExactly(500, 500, 200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .queryParam("receiver", "flaky")
                    .queryParam("status", "sent")
                    .when()
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("attempts", hasItem(3)));
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(() -> fx.received("/flaky", test).size() == 3);
  }

  @Test
  void aClientErrorIsNotRetriedAndIsLoggedAsFailed() {
    String test = "t-" + UUID.randomUUID();
    fx.fire(NotifyFixtures.labels("Broken", test, "test_receiver", "broken"));
    await().atMost(WAIT).until(() -> fx.received("/broken", test).size() == 1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .queryParam("receiver", "broken")
                    .queryParam("status", "failed")
                    .when()
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("lastError", hasItem("HTTP 400")));
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(() -> fx.received("/broken", test).size() == 1);
  }

  @Test
  void emailGoesThroughARealSmtpServer() {
    String test = "t-" + UUID.randomUUID();
    Map<String, String> labels = NotifyFixtures.labels("MailMe", test, "test_receiver", "mail");
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    fx.fire(labels, UUID.randomUUID().toString(), at);
    await().atMost(WAIT).until(() -> fx.mails(test).size() == 1);
    JsonNode mail = fx.mails(test).get(0);
    assertThat(mail.path("subject").asText()).startsWith("[FIRING:1]").contains("alertname=MailMe");
    assertThat(mail.path("to").asText()).isEqualTo("ops@vigil.test");
    assertThat(mail.path("from").asText()).isEqualTo("vigil@vigil.test");
    assertThat(mail.path("body").asText()).contains("summary of MailMe");

    fx.resolve(labels, at);
    await().atMost(WAIT).until(() -> fx.mails(test).size() == 2);
    assertThat(fx.mails(test).get(1).path("subject").asText()).startsWith("[RESOLVED]");
  }

  @Test
  void pagerDutyAndSlackReceiveTheirOwnFormats() {
    String test = "t-" + UUID.randomUUID();
    Map<String, String> labels = NotifyFixtures.labels("Paging", test, "test_receiver", "pager");
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    fx.fire(labels, UUID.randomUUID().toString(), at);
    await().atMost(WAIT).until(() -> fx.received("/pagerduty", test).size() == 1);
    JsonNode pd = fx.received("/pagerduty", test).get(0).path("body");
    assertThat(pd.path("routing_key").asText()).isEqualTo("test-routing-key");
    assertThat(pd.path("event_action").asText()).isEqualTo("trigger");
    assertThat(pd.path("payload").path("severity").asText()).isEqualTo("critical");
    await().atMost(WAIT).until(() -> fx.received("/slack", test).size() == 1);
    assertThat(fx.received("/slack", test).get(0).path("body").path("text").asText())
        .startsWith("[FIRING:1]");

    fx.resolve(labels, at);
    // A resolve event names the incident only by its dedup key.
    String dedupKey = pd.path("dedup_key").asText();
    await().atMost(WAIT).until(() -> fx.received("/pagerduty", dedupKey).size() == 2);
    JsonNode resolve = fx.received("/pagerduty", dedupKey).get(1).path("body");
    assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.has("payload")).isFalse();
    await().atMost(WAIT).until(() -> fx.received("/slack", test).size() == 2);
  }

  @Test
  void aRouteInsideItsMuteTimeIntervalSendsNothing() {
    String test = "t-" + UUID.randomUUID();
    String ceId = fx.fire(NotifyFixtures.labels("Muted", test, "test_receiver", "muted"));
    await().atMost(WAIT).until(() -> infrastructure.processed(NotificationIntake.CONSUMER, ceId));
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(() -> fx.received("/hook", test).isEmpty());
  }

  @Test
  void poisonRecordsAreDeadLetteredAndTheNotifierKeepsGoing() {
    String test = "t-" + UUID.randomUUID();
    ConsumerTask<String, String> dlq =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(topic + ".alert-service-notifier.dlq");
    try {
      String key = "poison-" + test;
      fx.sendRaw(
          key,
          "{not json",
          CloudEventRecords.headers(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()));
      fx.fire(NotifyFixtures.labels("AfterPoison", test));
      await().atMost(WAIT).until(() -> fx.received("/hook", test).size() == 1);
      await()
          .atMost(WAIT)
          .until(() -> dlq.getRecords().stream().anyMatch(r -> key.equals(r.key())));
      var record =
          dlq.getRecords().stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
      assertThat(CloudEventRecords.header(record, "dead-letter-reason"))
          .contains("malformed AlertFired");
    } finally {
      dlq.close();
    }
  }

  static List<String> statuses(List<JsonNode> records) {
    return records.stream().map(r -> r.path("body").path("status").asText()).toList();
  }
}
