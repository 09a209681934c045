package dev.vigil.scanner.chain;

import dev.vigil.scanner.chain.probe.ProviderProbers;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ObservationEvaluator;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Production {@link ChainProbing}: the family's prober, then the plain-domain evaluation against
 * the provider's previous observation. Neither step throws: failures are typed inside the
 * observation and become findings.
 */
@ApplicationScoped
public class DefaultChainProbing implements ChainProbing {

  private final ProviderProbers probers;
  private final ObservationEvaluator evaluator = new ObservationEvaluator();

  public DefaultChainProbing(ProviderProbers probers) {
    this.probers = probers;
  }

  @Override
  public Probed probe(
      ProbeRequest request, ProviderObservation previous, ChainExpectations expectations) {
    ProviderObservation current = probers.forFamily(request.family()).probe(request);
    return new Probed(
        current, evaluator.evaluate(current, previous, expectations, request.apiCheck()));
  }
}
