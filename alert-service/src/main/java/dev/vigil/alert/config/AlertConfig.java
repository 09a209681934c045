package dev.vigil.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code vigil.alert.*}: where rules come from, how alerts are grouped, how often timers run. */
@ConfigMapping(prefix = "vigil.alert")
public interface AlertConfig {

  /**
   * Labels whose values form the group key; incidents are opened per group. Default: one group per
   * target.
   */
  @WithDefault("target_id")
  @NotNull
  List<String> groupBy();

  Rules rules();

  /**
   * How severities of alerts posted to {@code /api/v2/alerts} without {@code endsAt} expire, as
   * Alertmanager's {@code resolve_timeout}.
   */
  @WithDefault("5m")
  Duration resolveTimeout();

  /** How often pending, kept and no-data alerts are looked at. */
  @WithDefault("10s")
  Duration sweepInterval();

  /** How long after start-up the first sweep runs. */
  @WithDefault("10s")
  Duration sweepDelay();

  interface Rules {

    /**
     * Directory of {@code *.yaml}/{@code *.yml} rule files (e.g. a mounted ConfigMap), polled for
     * changes. Unset: default packs and REST rules only.
     */
    Optional<String> dir();

    /** How often the directory and the stored rules are polled for changes. */
    @WithDefault("5s")
    Duration reloadInterval();

    /** Whether the shipped packs (certificates, chains, APIs) are loaded under the files. */
    @WithDefault("true")
    boolean defaultPacks();

    /** At most this many alerts or silent entities handled per timer sweep. */
    @WithDefault("500")
    @Positive
    int sweepBatch();
  }
}
