package dev.vigil.alert.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The time rules of an alert.
 *
 * @param pendingFor {@code for}: how long the condition must hold before the alert fires
 * @param keepFiringFor {@code keep_firing_for}: how long a firing alert keeps firing after it
 *     recovered, so a brief recovery does not resolve and re-page
 */
public record RuleTiming(Duration pendingFor, Duration keepFiringFor) {

  public static final RuleTiming IMMEDIATE = new RuleTiming(Duration.ZERO, Duration.ZERO);

  public RuleTiming {
    Objects.requireNonNull(pendingFor, "pendingFor");
    Objects.requireNonNull(keepFiringFor, "keepFiringFor");
    if (pendingFor.isNegative() || keepFiringFor.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }
}
