package dev.vigil.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Limits of the chain and API probe layer, under {@code vigil.scanner.chain-probe}. The per-probe
 * timeout comes with each probe request; these bound what any single peer can cost.
 */
@ConfigMapping(prefix = "vigil.scanner.chain-probe")
public interface ChainProbeConfig {

  /** A response body larger than this is abandoned as {@code RESPONSE_TOO_LARGE}. */
  @WithDefault("2097152")
  int maxResponseBytes();

  /** TCP (and TLS) connect timeout; the probe's own timeout still bounds the whole exchange. */
  @WithDefault("PT5S")
  Duration connectTimeout();

  /**
   * The HTTP client under every prober: {@code sockets} (blocking HTTP/1.1 on plain and TLS
   * sockets, dials the address the policy checked) or {@code jdk} (the JDK HttpClient).
   */
  @WithDefault("sockets")
  String httpClient();
}
