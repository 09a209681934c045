package dev.vigil.alert.domain;

/**
 * Where a stored alert is in its life. Only {@code FIRING} and {@code RESOLVED} are announced on
 * the alerts topic; {@code PENDING} and {@code INACTIVE} exist so that a {@code for} duration
 * survives a restart.
 */
public enum AlertStatus {
  /** The condition holds and has held for the rule's {@code for}; {@code AlertFired} was sent. */
  FIRING,
  /** It fired and stopped; {@code AlertResolved} was sent. Kept as history. */
  RESOLVED,
  /** The condition holds but not yet for the rule's {@code for}. Nothing was sent. */
  PENDING,
  /** It was pending and the condition cleared before it fired. Nothing was sent. */
  INACTIVE
}
