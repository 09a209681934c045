package dev.vigil.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Chain and API probing, under {@code vigil.scanner.chains}. */
@ConfigMapping(prefix = "vigil.scanner.chains")
public interface ChainConfig {

  /** Probe interval of a provider or API that sets none. */
  @WithDefault("PT15S")
  Duration interval();

  /** Deadline of one probe, every call included, when the provider sets none. */
  @WithDefault("PT5S")
  Duration timeout();

  /** At most this fraction of an interval is taken off at random (never added: see README). */
  @WithDefault("0.1")
  double jitter();

  /**
   * Probes running at once in this replica; a hung provider holds one of them until its deadline.
   */
  @WithDefault("64")
  int concurrency();

  /** How long to wait for the broker to acknowledge an observation or ranking event. */
  @WithDefault("PT10S")
  Duration publishTimeout();

  /** How often the latest observations are written to PostgreSQL for the REST API (batched). */
  @WithDefault("1s")
  String statusFlush();
}
