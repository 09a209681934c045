package dev.vigil.events;

/** Whether a scan could read anything at all. */
public enum ScanOutcome {
  /** The chain was read; see the findings for what is wrong with it. */
  COMPLETED,
  /** Nothing could be read; {@code unreachableReason} says why. */
  UNREACHABLE
}
