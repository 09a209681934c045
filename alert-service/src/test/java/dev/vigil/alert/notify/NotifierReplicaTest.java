package dev.vigil.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.config.notify.NotifyConfigHolder;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.service.notify.GroupFlusher;
import dev.vigil.alert.service.notify.NotificationDispatcher;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Several flushers sharing one database never notify twice: the service's own scheduler plus two
 * more flusher loops (standing in for other replicas) race over the same due groups.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
@QuarkusTestResource(NotifyTestPeers.class)
class NotifierReplicaTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming.alert-notifications.topic")
  String topic;

  @ConfigProperty(name = "vigil.test.peers-url")
  String peersUrl;

  @ConfigProperty(name = "vigil.alert.notify.config")
  String configFile;

  @Inject ObjectMapper json;
  @Inject GroupFlusher flusher;
  @Inject NotificationDispatcher dispatcher;
  @Inject NotifyConfigHolder config;

  @Test
  void competingFlushersNotifyEachGroupExactlyOnce() throws Exception {
    String run = "race-" + UUID.randomUUID();
    int groups = 40;
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(2);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    dispatcher.dispatch(flusher.flushDue(3).claimed());
                  }
                } catch (Throwable e) {
                  failures.add(e);
                } finally {
                  done.countDown();
                }
              });
      t.setDaemon(true);
      t.start();
    }
    try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
      NotifyFixtures fx = new NotifyFixtures(json, kafka, topic, peersUrl);
      for (int i = 0; i < groups; i++) {
        fx.fire(NotifyFixtures.labels("Race", run + "-" + i));
      }
      await()
          .atMost(NotificationFlowTest.WAIT)
          .until(() -> fx.received("/hook", run).size() >= groups);
      await()
          .during(NotificationFlowTest.QUIET)
          .atMost(NotificationFlowTest.QUIET.plusSeconds(5))
          .until(() -> fx.received("/hook", run).size() == groups);
      Map<String, Long> perGroup =
          fx.received("/hook", run).stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.path("body").path("groupLabels").path("test_id").asText(),
                      Collectors.counting()));
      assertThat(perGroup).hasSize(groups).allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
    } finally {
      stop.set(true);
      done.await();
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aBadConfigurationFileNeverReplacesTheGoodOne() throws Exception {
    Path file = Path.of(configFile);
    String good = Files.readString(file);
    NotifyConfig before = config.current();
    try {
      replaceAtomically(file, good.replace("group_wait: 300ms", "group_wait: soon"));
      await().atMost(NotificationFlowTest.WAIT).until(() -> config.lastError() != null);
      assertThat(config.lastError()).contains("route.group_wait: invalid duration");
      assertThat(config.current()).isSameAs(before);

      replaceAtomically(file, good.replace("repeat_interval: 1h", "repeat_interval: 2h"));
      await().atMost(NotificationFlowTest.WAIT).until(() -> config.current() != before);
      assertThat(config.lastError()).isNull();
      assertThat(config.current().root().timing().repeatInterval()).hasHours(2);
    } finally {
      replaceAtomically(file, good);
      await()
          .atMost(NotificationFlowTest.WAIT)
          .until(() -> config.current().root().timing().repeatInterval().toHours() == 1);
    }
  }

  /**
   * Swaps the file's content in one step, as a ConfigMap update does: writing in place would let
   * the reload read a half-written (empty) file and report that instead.
   */
  private static void replaceAtomically(Path file, String content) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.writeString(next, content);
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
