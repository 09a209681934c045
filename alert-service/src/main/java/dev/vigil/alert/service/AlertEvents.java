package dev.vigil.alert.service;

import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import java.time.Instant;

/** Turns a stored alert into the events that announce its changes. */
final class AlertEvents {

  private AlertEvents() {}

  static AlertFired fired(AlertEntity alert, Instant firedAt, String causationId) {
    return new AlertFired(
        alert.fingerprint,
        alert.alertName,
        alert.severity,
        alert.labels,
        alert.annotations,
        alert.groupKey,
        alert.startsAt,
        firedAt,
        alert.value,
        causationId);
  }

  static AlertResolved resolved(
      AlertEntity alert, Instant resolvedAt, String reason, String causationId) {
    return new AlertResolved(
        alert.fingerprint,
        alert.alertName,
        alert.labels,
        alert.groupKey,
        alert.startsAt,
        resolvedAt,
        reason,
        causationId);
  }
}
