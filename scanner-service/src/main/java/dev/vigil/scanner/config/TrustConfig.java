package dev.vigil.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the scanner trusts, under {@code vigil.scanner.trust}. */
@ConfigMapping(prefix = "vigil.scanner.trust")
public interface TrustConfig {

  /** Trust the JDK's system roots (publicly trusted CAs). */
  @WithDefault("true")
  boolean systemRoots();

  /** PEM files with the certificates of private CAs to trust as well. */
  Optional<List<String>> caBundles();

  /** Fetch a missing intermediate from its AIA caIssuers URL to tell whether it completes. */
  @WithDefault("true")
  boolean fetchAia();

  /** Bound on one AIA fetch (connect, request and response together). */
  @WithDefault("PT3S")
  Duration aiaTimeout();

  /** Largest AIA response accepted. */
  @WithDefault("65536")
  int aiaMaxBytes();
}
