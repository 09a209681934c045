package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;

/**
 * Probes one provider of one family. Implementations never throw: a refused connection, a timeout,
 * a malformed or oversized answer is a typed error inside the observation, so a hostile peer can
 * never stall or crash the poller.
 */
public interface ProviderProber {

  ChainFamily family();

  ProviderObservation probe(ProbeRequest request);
}
