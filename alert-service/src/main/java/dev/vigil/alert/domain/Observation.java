package dev.vigil.alert.domain;

/**
 * What one evaluation of a rule says about one alert instance. Two conditions make the hysteresis
 * band: {@code expr} starts an alert, {@code recover_expr} (default {@code !expr}) ends it; between
 * them a firing alert keeps firing and an inactive one stays inactive, so a value hovering around a
 * limit does not flap.
 */
public enum Observation {
  /** {@code expr} is true. */
  MATCH,
  /** Neither {@code expr} nor {@code recover_expr} is true: inside the hysteresis band. */
  HOLD,
  /** {@code recover_expr} is true (or the instance is gone, e.g. a finding disappeared). */
  RECOVERED,
  /** The event says nothing about this rule (target unreachable, a field missing). */
  NO_DATA
}
