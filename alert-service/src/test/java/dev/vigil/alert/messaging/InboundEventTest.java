package dev.vigil.alert.messaging;

import static dev.vigil.alert.CloudEventRecords.header;
import static dev.vigil.alert.TestUsers.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.CloudEventRecords;
import dev.vigil.alert.InfrastructureSupport;
import dev.vigil.alert.service.AlertService;
import dev.vigil.events.AlertFired;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another system's CloudEvents become alerts through a rule created over REST. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class InboundEventTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TYPE = "com.example.deploy.finished.v1";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.inbound-events.topic")
  String inboundTopic;

  @ConfigProperty(name = "mp.messaging.incoming.inbound-events.dead-letter-queue.topic")
  String dlqTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.alerts.topic")
  String alertsTopic;

  @Inject ObjectMapper json;
  @Inject InfrastructureSupport infrastructure;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> alerts;

  @BeforeEach
  void connect() {
    kafka = new KafkaCompanion(bootstrap);
    alerts =
        kafka
            .consumeStrings()
            .withOffsetReset(OffsetResetStrategy.EARLIEST)
            .fromTopics(alertsTopic);
  }

  @AfterEach
  void disconnect() {
    alerts.close();
    kafka.close();
  }

  @Test
  void failedDeployEventFiresTheRestRuleAndASuccessfulOneResolvesIt() throws Exception {
    yaml()
        .body(
            """
            name: ProductionDeployFailed
            source: com.example.deploy.finished.v1
            expr: data.env == 'prod' && data.result == 'failed'
            severity: critical
            labels:
              service: "{{ data.service }}"
            annotations:
              summary: "Deploy of {{ data.service }} failed (attempt {{ data.attempt }})"
            """)
        .put("/api/v1/rules/ProductionDeployFailed")
        .then()
        .statusCode(201)
        .body("origin", equalTo("rest:ProductionDeployFailed"));

    String service = "svc-" + UUID.randomUUID();
    String id = UUID.randomUUID().toString();
    produce(
        id, service, Map.of("env", "prod", "result", "failed", "service", service, "attempt", 2));

    await()
        .atMost(WAIT)
        .until(() -> alerts.getRecords().stream().anyMatch(r -> r.value().contains(service)));
    ConsumerRecord<String, String> fired =
        alerts.getRecords().stream()
            .filter(r -> r.value().contains(service))
            .findFirst()
            .orElseThrow();
    AlertFired event = json.readValue(fired.value(), AlertFired.class);
    assertThat(event.alertName()).isEqualTo("ProductionDeployFailed");
    assertThat(event.causationId()).isEqualTo(id);
    assertThat(event.labels())
        .containsEntry("service", service)
        .containsEntry("target_id", service);
    assertThat(event.annotations())
        .containsEntry("summary", "Deploy of " + service + " failed (attempt 2)");

    produce(
        UUID.randomUUID().toString(),
        service,
        Map.of("env", "prod", "result", "ok", "service", service, "attempt", 3));
    await()
        .atMost(WAIT)
        .until(
            () ->
                alerts.getRecords().stream()
                    .anyMatch(
                        r ->
                            r.key().equals(event.fingerprint())
                                && "dev.vigil.alert.resolved.v1".equals(header(r, "ce_type"))));

    asOperator().delete("/api/v1/rules/ProductionDeployFailed").then().statusCode(204);
    asOperator().get("/api/v1/rules/ProductionDeployFailed").then().statusCode(404);
  }

  @Test
  void ruleWithATypoIsRejectedNamingFieldAndLineAndNotStored() {
    yaml()
        .body(
            """
            name: Typo
            source: dev.vigil.chain.health.observed.v1
            expr: headAgeSecond > 10.0
            """)
        .put("/api/v1/rules/Typo")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("rule.expr"))
        .body(
            "errors[0].message",
            containsString("line 3: CEL, column 1: undeclared reference to 'headAgeSecond'"));
    asOperator().get("/api/v1/rules/Typo").then().statusCode(404);
  }

  @Test
  void validateAnswersForAWholeFile() {
    yaml()
        .body("rules:\n  - name: Ok\n    source: x.y.v1\n    expr: data.a == 1\n")
        .urlEncodingEnabled(false) // RestAssured would send the colon as %3A; curl sends it as is
        .post("/api/v1/rules:validate")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("rules[0]", equalTo("Ok"));
    yaml()
        .body("rules:\n  - name: Bad\n    source: x.y.v1\n    expr: data.a ==\n")
        .urlEncodingEnabled(false) // RestAssured would send the colon as %3A; curl sends it as is
        .post("/api/v1/rules:validate")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("rules[0].expr"));
  }

  @Test
  void nonJsonDataGoesToTheDeadLetterTopic() {
    ConsumerTask<String, String> dlq =
        kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(dlqTopic);
    String badId = UUID.randomUUID().toString();
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.record(
                inboundTopic, "k", "not json", CloudEventRecords.headers(badId, TYPE)))
        .awaitCompletion(WAIT);
    String goodId = UUID.randomUUID().toString();
    produce(goodId, "s", Map.of("env", "dev"));

    await()
        .atMost(WAIT)
        .until(() -> dlq.getRecords().stream().anyMatch(r -> badId.equals(header(r, "ce_id"))));
    assertThat(
            header(
                dlq.getRecords().stream()
                    .filter(r -> badId.equals(header(r, "ce_id")))
                    .findFirst()
                    .orElseThrow(),
                "dead-letter-reason"))
        .contains("not JSON");
    await()
        .atMost(WAIT)
        .until(() -> infrastructure.processed(AlertService.INBOUND_CONSUMER, goodId));
    dlq.close();
  }

  /** RestAssured does not know YAML; it is text. */
  private static io.restassured.specification.RequestSpecification yaml() {
    return asOperator()
        .config(
            io.restassured.RestAssured.config()
                .encoderConfig(
                    io.restassured.config.EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(
                            "application/yaml", io.restassured.http.ContentType.TEXT)))
        .contentType("application/yaml");
  }

  private void produce(String id, String subject, Map<String, Object> data) {
    Map<String, String> headers = CloudEventRecords.headers(id, TYPE);
    headers.put("ce_source", "/ci/pipeline");
    headers.put("ce_subject", subject);
    try {
      kafka
          .produceStrings()
          .fromRecords(
              CloudEventRecords.record(
                  inboundTopic, subject, json.writeValueAsString(data), headers))
          .awaitCompletion(WAIT);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
