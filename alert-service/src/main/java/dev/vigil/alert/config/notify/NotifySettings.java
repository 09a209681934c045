package dev.vigil.alert.config.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code vigil.alert.notify.*}: the notification pipeline's runtime settings. */
@ConfigMapping(prefix = "vigil.alert.notify")
public interface NotifySettings {

  /**
   * Path of the alertmanager.yml-shaped routing file (mount a ConfigMap there). Absent: every alert
   * goes to a receiver without integrations (log only).
   */
  Optional<String> config();

  /** How often the file is checked for changes; a bad new file never replaces a good one. */
  @WithDefault("10s")
  Duration reloadInterval();

  /** {@code externalURL} of webhook payloads: where people reach Vigil. */
  @WithDefault("http://localhost:8082")
  String externalUrl();

  /** Safety-net scan for due groups and abandoned notifications (the fast path is event-driven). */
  @WithDefault("1s")
  Duration pollInterval();

  /** Groups flushed per transaction. */
  @WithDefault("200")
  int flushBatch();

  /**
   * How long a claimed notification belongs to the replica that claimed it. A replica that dies
   * mid-send leaves its rows pending; another replica (or itself after a restart) resends them
   * after this.
   */
  @WithDefault("30s")
  Duration lease();

  /** Timeout of one HTTP or SMTP attempt. */
  @WithDefault("10s")
  Duration requestTimeout();

  Retry retry();

  interface Retry {
    /** First back-off after a retryable failure. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Back-off cap. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Give up (status FAILED) after retrying for this long. */
    @WithDefault("5m")
    Duration maxDuration();
  }
}
