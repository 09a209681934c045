package dev.vigil.scanner.chain.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.HealthStatus;
import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ObservationEvaluator;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bean the chain management layer injects: wired by Quarkus, one prober per family. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class ProviderProbersBeanTest {

  @Inject ProviderProbers probers;

  @Test
  void everyFamilyHasAProber() {
    for (ChainFamily family : ChainFamily.values()) {
      assertThat(probers.forFamily(family).family()).isEqualTo(family);
    }
  }

  @Test
  void theWiredEvmProberProbesALoopbackNode() {
    try (ChainPeer peer = ChainPeer.jsonRpc(new FakeEvmNode(Instant.now().getEpochSecond() - 2))) {
      ProviderObservation o =
          probers
              .forFamily(ChainFamily.EVM)
              .probe(
                  new ProbeRequest(
                      "bean-test",
                      ChainFamily.EVM,
                      peer.uri(),
                      Map.of(),
                      Duration.ofSeconds(5),
                      null));

      assertThat(o.errors()).isEmpty();
      assertThat(
              new ObservationEvaluator()
                  .evaluate(
                      o, null, ChainExpectations.forBlockTime("1", Duration.ofSeconds(12)), null)
                  .status())
          .isEqualTo(HealthStatus.HEALTHY);
    }
  }
}
