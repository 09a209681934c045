package dev.vigil.alert.service;

import dev.vigil.alert.domain.AlertTransition;

/**
 * CDI event fired for every decision the service takes. Observers that must only see committed
 * changes (metrics today; routing and notification later) observe it {@code AFTER_SUCCESS}.
 *
 * @param fingerprint the alert concerned, {@code null} for {@link AlertTransition#NONE} without an
 *     alert
 * @param transition what happened
 */
public record AlertTransitioned(String fingerprint, AlertTransition transition) {}
