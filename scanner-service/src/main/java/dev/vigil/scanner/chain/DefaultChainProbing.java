package dev.vigil.scanner.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import dev.vigil.scanner.chain.probe.ProviderProber;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.EvmHealthEvaluator;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Production {@link ChainProbing}: the family's {@link ProviderProber}, then the evaluation.
 *
 * <p>INTERIM, to be finished at merge with the probe layer (branch {@code chain-probes}): replace
 * the prober map with {@code ProviderProbers.forFamily(request.family())} and {@link #evaluate}
 * with {@code ObservationEvaluator.evaluate(current, previous, expectations, request.apiCheck())}.
 * Until then EVM-style families are judged by {@link EvmHealthEvaluator} and APIs by their HTTP
 * status and errors only.
 */
@ApplicationScoped
public class DefaultChainProbing implements ChainProbing {

  static final String NO_PROBER = "NO_PROBER";

  private final Map<ChainFamily, ProviderProber> probers = new EnumMap<>(ChainFamily.class);
  private final EvmHealthEvaluator evm = new EvmHealthEvaluator();
  private final Clock clock;

  public DefaultChainProbing(@Any Instance<ProviderProber> all, Clock clock) {
    all.forEach(p -> probers.putIfAbsent(p.family(), p));
    this.clock = clock;
  }

  @Override
  public Probed probe(
      ProbeRequest request, ProviderObservation previous, ChainExpectations expectations) {
    ProviderProber prober = probers.get(request.family());
    if (prober == null) {
      ProviderObservation nothing =
          new ProviderObservation(
              clock.instant(),
              request.family(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              List.of(),
              Map.of());
      Finding finding =
          new Finding(
              NO_PROBER,
              Severity.CRITICAL,
              null,
              "this scanner cannot probe family " + request.family(),
              Map.of("family", request.family().name()));
      return new Probed(
          nothing,
          new ChainVerdict(HealthStatus.DOWN, List.of(finding), null, null, null, null, null));
    }
    ProviderObservation current = prober.probe(request);
    return new Probed(current, evaluate(current, previous, expectations, request));
  }

  private ChainVerdict evaluate(
      ProviderObservation current,
      ProviderObservation previous,
      ChainExpectations expectations,
      ProbeRequest request) {
    if (request.family() == ChainFamily.HTTP) {
      boolean ok =
          current.errors().isEmpty()
              && current.httpStatus() != null
              && current.httpStatus() == request.apiCheck().expectedStatus();
      return new ChainVerdict(
          ok ? HealthStatus.HEALTHY : HealthStatus.DOWN, List.of(), null, null, null, null, null);
    }
    return evm.evaluate(
        current.asEvmSnapshot(), previous == null ? null : previous.asEvmSnapshot(), expectations);
  }
}
