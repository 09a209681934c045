package dev.vigil.scanner.chain;

import static dev.vigil.scanner.chain.ChainFixtures.first;
import static dev.vigil.scanner.chain.ChainFixtures.hasFinding;
import static dev.vigil.scanner.chain.ChainFixtures.header;
import static dev.vigil.scanner.chain.ChainFixtures.parse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.scanner.peers.EvmRpcPeer;
import dev.vigil.scanner.peers.LoopbackServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Providers registered over REST are probed on loopback EVM JSON-RPC peers; observations and
 * ranking changes land on real Kafka, the latest state in real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class ChainProbePipelineTest {

  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration MAX_HEAD_AGE = Duration.ofSeconds(3);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.outgoing.chain-health.topic")
  String healthTopic;

  @ConfigProperty(name = "mp.messaging.outgoing.provider-rankings.topic")
  String rankingsTopic;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> observations;
  private ConsumerTask<String, String> rankings;

  @BeforeEach
  void consume() {
    kafka = new KafkaCompanion(bootstrap);
    observations = kafka.consumeStrings().fromTopics(healthTopic);
    rankings = kafka.consumeStrings().fromTopics(rankingsTopic);
  }

  @AfterEach
  void stop() {
    observations.close();
    rankings.close();
    kafka.close();
  }

  private ConsumerRecord<String, String> awaitObservation(
      String providerId, java.util.function.Predicate<JsonNode> matching, Duration atMost) {
    return await()
        .atMost(atMost)
        .until(() -> first(observations.getRecords(), providerId, matching), Optional::isPresent)
        .get();
  }

  @Test
  void registeredProviderIsObservedWithItsFiguresAndNeverItsUrl() {
    try (EvmRpcPeer peer = EvmRpcPeer.start(8453, INTERVAL, Instant.now())) {
      String chain = ChainFixtures.chain("8453");
      String provider = ChainFixtures.provider(chain, "Primary", peer.url());

      ConsumerRecord<String, String> record =
          awaitObservation(provider, o -> true, Duration.ofSeconds(20));

      assertThat(header(record, "ce_type")).isEqualTo("dev.vigil.chain.health.observed.v1");
      assertThat(header(record, "ce_subject")).isEqualTo(provider);
      assertThat(header(record, "ce_source")).startsWith("/vigil/scanner-service/");
      assertThat(record.value()).doesNotContain(peer.url()).doesNotContain("/rpc");
      JsonNode o = parse(record.value());
      assertThat(header(record, "ce_id")).isEqualTo(o.get("observationId").asText());
      assertThat(o.get("chainId").asText()).isEqualTo(chain);
      assertThat(o.get("providerName").asText()).isEqualTo("Primary");
      assertThat(o.get("component").asText()).isEqualTo("RPC");
      assertThat(o.get("family").asText()).isEqualTo("EVM");
      assertThat(o.get("status").asText()).isEqualTo("HEALTHY");
      assertThat(o.get("findings")).isEmpty();
      assertThat(o.get("expectedChainId").asText()).isEqualTo("8453");
      assertThat(o.get("reportedChainId").asText()).isEqualTo("8453");
      assertThat(o.get("headHeight").asLong()).isBetween(1000L, peer.head());
      assertThat(o.get("headHash").asText()).startsWith("0x").hasSize(66);
      assertThat(o.get("headAgeSeconds").asDouble()).isBetween(0.0, 3.0);
      assertThat(o.get("expectedBlockTimeSeconds").asDouble()).isEqualTo(1.0);
      assertThat(o.get("safeLagBlocks").asLong()).isEqualTo(10);
      assertThat(o.get("finalizedLagBlocks").asLong()).isEqualTo(40);
      assertThat(o.get("lagBehindBestBlocks").asLong()).isZero();
      assertThat(o.get("latencyMillis").asDouble()).isPositive();
      assertThat(o.get("labels").get("env").asText()).isEqualTo("test");
      assertThat(o.get("labels").get("vendor").asText()).isEqualTo("primary");

      // The next probe knows the previous one: how far the head moved in between.
      JsonNode second =
          parse(
              awaitObservation(provider, n -> n.has("blocksSincePrevious"), Duration.ofSeconds(10))
                  .value());
      assertThat(second.get("blocksSincePrevious").asLong()).isBetween(0L, 5L);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  given()
                      .get("/api/v1/chains/" + chain + "/health")
                      .then()
                      .statusCode(200)
                      .body("providers.providerId", org.hamcrest.Matchers.hasItem(provider))
                      .body("providers[0].status", org.hamcrest.Matchers.equalTo("HEALTHY")));
    }
  }

  @Test
  void stalledHeadIsReportedWithinOneIntervalPlusOneSecond() {
    try (EvmRpcPeer peer = EvmRpcPeer.start(8453, INTERVAL, Instant.now())) {
      String chain = ChainFixtures.chain("8453");
      String provider = ChainFixtures.provider(chain, "Stalling", peer.url());
      awaitObservation(
          provider, o -> "HEALTHY".equals(o.path("status").asText()), Duration.ofSeconds(20));

      long head = peer.stall();
      // The stall is detectable once the frozen head is older than the limit.
      Instant detectable = peer.timestampOf(head).plus(MAX_HEAD_AGE);

      ConsumerRecord<String, String> stalled =
          awaitObservation(provider, o -> hasFinding(o, "HEAD_STALLED"), Duration.ofSeconds(20));

      JsonNode o = parse(stalled.value());
      assertThat(o.get("status").asText()).isEqualTo("DOWN");
      assertThat(o.get("headHeight").asLong()).isEqualTo(head);
      long reportedAfterMillis =
          Duration.between(detectable, Instant.ofEpochMilli(stalled.timestamp())).toMillis();
      System.out.printf(
          "stall reported %d ms after it became detectable (bound %d ms)%n",
          reportedAfterMillis, INTERVAL.plusSeconds(1).toMillis());
      assertThat(reportedAfterMillis).isLessThanOrEqualTo(INTERVAL.plusSeconds(1).toMillis());
    }
  }

  @Test
  void laggingProviderRanksBehindTheHealthyOneAndFailoverIsAnnounced() {
    Instant genesis = Instant.now();
    try (EvmRpcPeer primary = EvmRpcPeer.start(10, INTERVAL, genesis);
        EvmRpcPeer backup = EvmRpcPeer.start(10, INTERVAL, genesis)) {
      // 5 blocks behind (more than the 3 allowed) yet its head younger than the 8 s stall limit:
      // degraded, not down.
      backup.lagBy(5);
      String chain = ChainFixtures.chain("10", 8);
      String a = ChainFixtures.provider(chain, "Primary", primary.url());
      String b = ChainFixtures.provider(chain, "Backup", backup.url());

      ConsumerRecord<String, String> first =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () ->
                      first(
                          rankings.getRecords(),
                          chain,
                          r ->
                              r.get("ranking").get(0).get("providerId").asText().equals(a)
                                  && r.get("ranking")
                                      .get(0)
                                      .get("status")
                                      .asText()
                                      .equals("HEALTHY")),
                  Optional::isPresent)
              .get();
      assertThat(header(first, "ce_type")).isEqualTo("dev.vigil.chain.ranking.changed.v1");
      assertThat(header(first, "ce_subject")).isEqualTo(chain);
      JsonNode laggingObservation =
          parse(
              awaitObservation(b, o -> hasFinding(o, "LAGGING_BEHIND_BEST"), Duration.ofSeconds(10))
                  .value());
      assertThat(laggingObservation.get("status").asText()).isEqualTo("DEGRADED");

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  given()
                      .get("/api/v1/chains/" + chain + "/providers/ranked")
                      .then()
                      .statusCode(200)
                      .body("healthy", org.hamcrest.Matchers.contains(a))
                      .body("providers.providerId", org.hamcrest.Matchers.contains(a, b))
                      .body("providers[1].status", org.hamcrest.Matchers.equalTo("DEGRADED"))
                      .body(
                          "providers[1].lagBehindBestBlocks",
                          org.hamcrest.Matchers.greaterThanOrEqualTo(4))
                      .body(
                          "providers[1].lastStatus.findings",
                          org.hamcrest.Matchers.hasItem("LAGGING_BEHIND_BEST")));

      // The primary's sequencer stops while the backup catches up: clients are told to fail over.
      long stalledAt = System.currentTimeMillis();
      backup.lagBy(0);
      primary.stall();
      ConsumerRecord<String, String> failover =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () ->
                      first(
                          rankings.getRecords().stream()
                              .filter(r -> r.timestamp() >= stalledAt)
                              .toList(),
                          chain,
                          r ->
                              r.get("ranking").get(0).get("providerId").asText().equals(b)
                                  && r.get("ranking")
                                      .get(0)
                                      .get("status")
                                      .asText()
                                      .equals("HEALTHY")
                                  && r.get("ranking").size() == 2
                                  && !r.get("ranking")
                                      .get(1)
                                      .get("status")
                                      .asText()
                                      .equals("HEALTHY")),
                  Optional::isPresent)
              .get();
      List<String> previous = new java.util.ArrayList<>();
      parse(failover.value()).get("previousRanking").forEach(id -> previous.add(id.asText()));
      assertThat(previous).containsExactlyInAnyOrder(a, b);
      // And the stalled primary ends up down (HEAD_STALLED once its head is 8 s old).
      awaitObservation(a, o -> "DOWN".equals(o.path("status").asText()), Duration.ofSeconds(20));
    }
  }

  @Test
  void aHungProviderNeverHoldsUpTheOthers() {
    try (EvmRpcPeer healthy = EvmRpcPeer.start(8453, INTERVAL, Instant.now());
        LoopbackServer hung =
            LoopbackServer.start(socket -> socket.getInputStream().readAllBytes())) {
      String chain = ChainFixtures.chain("8453");
      String stuck =
          ChainFixtures.provider(chain, "Hung", "http://127.0.0.1:" + hung.port() + "/rpc");
      String fine = ChainFixtures.provider(chain, "Fine", healthy.url());

      // The hung provider answers nothing; its 800 ms deadline makes it a typed failure...
      JsonNode down =
          parse(
              awaitObservation(
                      stuck, o -> "DOWN".equals(o.path("status").asText()), Duration.ofSeconds(20))
                  .value());
      assertThat(down.path("findings").findValuesAsText("code")).contains("PROVIDER_DOWN");

      // ...while the healthy provider keeps its one-second rhythm.
      long since = System.currentTimeMillis();
      List<Long> times =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () ->
                      observations.getRecords().stream()
                          .filter(r -> fine.equals(r.key()) && r.timestamp() >= since)
                          .map(ConsumerRecord::timestamp)
                          .toList(),
                  t -> t.size() >= 5);
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i) - times.get(i - 1))
            .as("gap between probes of the healthy provider")
            .isLessThanOrEqualTo(INTERVAL.plusSeconds(1).toMillis());
      }
    }
  }
}
