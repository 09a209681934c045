package dev.vigil.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The public status page, under {@code vigil.status-page}. */
@ConfigMapping(prefix = "vigil.status-page")
public interface StatusPageConfig {

  /** Stable page id in the Statuspage-shaped API. */
  @WithDefault("vigil")
  String id();

  /** Title of the page. */
  @WithDefault("Service status")
  String name();

  /** Public URL of the page, for links in the API and the feed. */
  Optional<String> url();

  /** Time zone days are counted in for the uptime bars. */
  @WithDefault("UTC")
  ZoneId timeZone();

  /**
   * When true, an incident appears on the public page (and counts towards components' public
   * status) only once a responder has published a public update for it.
   */
  @WithDefault("false")
  boolean requireApproval();

  /** Days of uptime bars per component. */
  @WithDefault("90")
  int uptimeDays();

  /**
   * How often the public page's content is recomputed at the latest (see {@code PublicPage}):
   * bounds how late changes made through another replica, and time-driven ones, appear.
   */
  @WithDefault("5s")
  Duration cacheMaxAge();

  /**
   * The least time between two recomputations after changes through this replica: under a storm of
   * alerts the page is recomputed at most this often, not once per change.
   */
  @WithDefault("1s")
  Duration cacheMinInterval();
}
