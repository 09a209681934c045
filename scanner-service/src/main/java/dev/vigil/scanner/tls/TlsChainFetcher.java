package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.TargetSpec;

/** Connects to a TLS endpoint and returns the chain it serves; never throws for network trouble. */
public interface TlsChainFetcher {

  FetchedChain fetch(TargetSpec target);
}
