package dev.vigil.alert.config.breaker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** {@code vigil.alert.breakers.*}: circuit breakers (risk controls). */
@ConfigMapping(prefix = "vigil.alert.breakers")
public interface BreakerConfig {

  /** Whether the shipped breakers ({@code breakers/breakers.yaml}) are loaded under stored ones. */
  @WithDefault("true")
  boolean defaultPack();

  /** How often stored definitions are re-read (another replica may have changed them). */
  @WithDefault("5s")
  Duration reloadInterval();

  /** How often scopes whose minimum open time, healthy period or override ended are looked at. */
  @WithDefault("5s")
  Duration sweepInterval();

  /** At most this many scopes per sweep transaction. */
  @WithDefault("200")
  @Positive
  int sweepBatch();
}
