package dev.vigil.scanner.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Expiry thresholds per label set, under {@code vigil.scanner.expiry}. The defaults are {@code
 * vigil.scanner.warning-days} and {@code critical-days}; e.g.
 *
 * <pre>
 * vigil.scanner.expiry.rules[0].match.env=prod
 * vigil.scanner.expiry.rules[0].warning-days=45
 * vigil.scanner.expiry.rules[0].critical-days=21
 * vigil.scanner.expiry.rules[0].lifetime-percent=67
 * </pre>
 *
 * The first rule whose {@code match} labels all equal the target's wins; a rule leaves unset values
 * at the defaults.
 */
@ConfigMapping(prefix = "vigil.scanner.expiry")
public interface ExpiryConfig {

  /** Default "past N% of the lifetime" warning, off unless set. */
  OptionalInt lifetimePercent();

  Optional<List<Rule>> rules();

  /** One label rule. */
  interface Rule {
    /** Labels the target must have, all of them; none matches every target. */
    Map<String, String> match();

    OptionalInt warningDays();

    OptionalInt criticalDays();

    OptionalInt lifetimePercent();
  }
}
