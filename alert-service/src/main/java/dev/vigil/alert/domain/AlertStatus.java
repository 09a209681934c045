package dev.vigil.alert.domain;

/** Whether a stored alert is currently firing. Resolved alerts are kept as history. */
public enum AlertStatus {
  FIRING,
  RESOLVED
}
