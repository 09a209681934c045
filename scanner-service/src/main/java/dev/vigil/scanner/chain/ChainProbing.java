package dev.vigil.scanner.chain;

import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;

/**
 * The probe layer as the management layer sees it: probe one provider or API and judge the answer
 * against the previous observation. Scheduling, comparison across providers, ranking and publishing
 * stay outside. Implementations never throw and end by the request's timeout.
 */
public interface ChainProbing {

  /**
   * @param previous the provider's previous observation in this replica, or {@code null}
   * @param expectations the provider's effective thresholds; {@code null} for an API probe (family
   *     {@code HTTP}), which is judged by {@code request.apiCheck()}
   */
  Probed probe(ProbeRequest request, ProviderObservation previous, ChainExpectations expectations);

  /** A probe's raw figures and their verdict. */
  record Probed(ProviderObservation observation, ChainVerdict verdict) {}
}
