package dev.vigil.events;

/** Why a circuit breaker changed state ({@code RiskControlChanged.cause}). */
public enum BreakerChangeCause {
  /** A matching alert fired: {@code CLOSED} or {@code HALF_OPEN} to {@code OPEN}. */
  ALERT_FIRING,
  /** The minimum open time ended with no matching alert firing: {@code OPEN} to probing. */
  MIN_OPEN_ELAPSED,
  /** No matching alert fired for the healthy period while probing: to {@code CLOSED}. */
  HEALTHY_PERIOD_ELAPSED,
  /** A human forced the state. */
  MANUAL_OVERRIDE,
  /** A human ended an override; automatic control resumed. */
  OVERRIDE_CLEARED,
  /** An override reached its expiry; automatic control resumed. */
  OVERRIDE_EXPIRED
}
