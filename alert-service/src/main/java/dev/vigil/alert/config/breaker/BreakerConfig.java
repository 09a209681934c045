package dev.vigil.alert.config.breaker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;

/** {@code vigil.alert.breakers.*}: circuit breakers (risk controls). */
@ConfigMapping(prefix = "vigil.alert.breakers")
public interface BreakerConfig {

  /** Whether the shipped breakers ({@code breakers/breakers.yaml}) are loaded under stored ones. */
  @WithDefault("true")
  boolean defaultPack();

  /**
   * A directory of breaker files ({@code *.yaml}/{@code *.yml}, e.g. a mounted ConfigMap), polled
   * every {@link #reloadInterval()}; unset: no files.
   */
  Optional<String> dir();

  /** How often the directory and the stored definitions are re-read. */
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
