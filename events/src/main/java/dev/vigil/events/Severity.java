package dev.vigil.events;

/** How urgently a finding or alert needs a human. Ordered from least to most urgent. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  /** The more urgent of the two; {@code null} counts as less urgent than anything. */
  public static Severity max(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
