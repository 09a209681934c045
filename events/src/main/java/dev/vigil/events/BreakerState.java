package dev.vigil.events;

/** Circuit-breaker states, as in the classic pattern. */
public enum BreakerState {
  /** Traffic flows. */
  CLOSED,
  /** Traffic should stop (pause deposits, route around the API). */
  OPEN,
  /** Probing whether the scope is healthy again. */
  HALF_OPEN
}
