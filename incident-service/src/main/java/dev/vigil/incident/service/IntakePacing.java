package dev.vigil.incident.service;

import java.time.Duration;

/**
 * Sizes the transactions of the alert intake: a poll is split into chunks that, at the recent cost
 * per event, fit a time budget. A fast host takes a whole poll in one transaction; a starved one (a
 * few percent of a core, a cold JIT) takes fewer events per transaction instead of running one
 * transaction past its timeout. The cost is a moving average over the last chunks, so one slow
 * chunk does not shrink the next ones for long.
 */
final class IntakePacing {

  private final long budgetNanos;
  private double nanosPerEvent;

  IntakePacing(Duration budget) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive");
    }
    this.budgetNanos = budget.toNanos();
  }

  /** How many of the {@code remaining} events the next transaction takes (at least one). */
  synchronized int next(int remaining) {
    if (nanosPerEvent <= 0) {
      return remaining;
    }
    double fit = budgetNanos / nanosPerEvent;
    return (int) Math.max(1, Math.min(remaining, Math.floor(fit)));
  }

  /** Records that a transaction of {@code events} events took {@code elapsed}. */
  synchronized void took(int events, Duration elapsed) {
    if (events <= 0) {
      return;
    }
    double cost = (double) elapsed.toNanos() / events;
    nanosPerEvent = nanosPerEvent <= 0 ? cost : (nanosPerEvent + cost) / 2;
  }
}
