package dev.vigil.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Which replica reads files and Kubernetes, under {@code vigil.scanner.sources}. */
@ConfigMapping(prefix = "vigil.scanner.sources")
public interface SourceLeadershipConfig {

  /** One replica at a time reads the sources; false when each reads its own node-local files. */
  @WithDefault("true")
  boolean leaderElection();

  /** How often the leader proves it is alive and a standby tries to take over. */
  @WithDefault("5s")
  Duration leaderCheckInterval();

  /** How long the database waits for a vanished leader before releasing its lock. */
  @WithDefault("30s")
  Duration leaderSessionTimeout();
}
