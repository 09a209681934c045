package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.TargetSpec;
import java.util.List;

/** Connects to a TLS endpoint and returns the chain it serves; never throws for network trouble. */
public interface TlsChainFetcher {

  /** The chain served at the first address of the target. */
  FetchedChain fetch(TargetSpec target);

  /**
   * One result per address scanned: every resolved address when {@link TargetSpec#allAddresses()}
   * is set, else just the first. Never empty (a name that does not resolve is one DNS failure).
   */
  default List<FetchedChain> fetchEach(TargetSpec target) {
    return List.of(fetch(target));
  }
}
