package dev.vigil.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk import of targets over REST. */
@ConfigMapping(prefix = "vigil.scanner.import")
public interface ImportConfig {

  /** Targets stored per transaction (and per wait for the broker's acks). */
  @WithDefault("500")
  int chunkSize();
}
