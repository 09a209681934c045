package dev.vigil.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** incident-service settings under {@code vigil.incident}. */
@ConfigMapping(prefix = "vigil.incident")
public interface IncidentConfig {

  Consumer consumer();

  /** The alerts consumer. */
  interface Consumer {

    /** First back-off delay when applying an alert fails transiently. */
    @WithDefault("200ms")
    Duration retryFirstDelay();

    /** How long to keep retrying a transient failure before dead-lettering the record. */
    @WithDefault("60s")
    Duration retryMaxDuration();
  }
}
