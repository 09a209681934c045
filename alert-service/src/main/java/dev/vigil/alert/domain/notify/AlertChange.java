package dev.vigil.alert.domain.notify;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One alert event as the notifier applies it.
 *
 * @param eventId CloudEvent id, for the inbox
 * @param eventTime when the change was decided; older changes never overwrite newer ones
 */
public record AlertChange(String eventId, NotifyAlert alert, Instant eventTime) {

  /**
   * A firing alert. Its severity becomes the {@code severity} label unless the rule set one, so
   * routes can match on it as in Alertmanager setups; {@code alertname} is ensured the same way.
   */
  public static AlertChange fired(String eventId, AlertFired e) {
    Map<String, String> labels = new HashMap<>(e.labels());
    if (e.alertName() != null) {
      labels.putIfAbsent("alertname", e.alertName());
    }
    if (e.severity() != null) {
      labels.putIfAbsent("severity", e.severity().name().toLowerCase(Locale.ROOT));
    }
    Instant decided = e.firedAt() != null ? e.firedAt() : e.startsAt();
    return new AlertChange(
        eventId,
        new NotifyAlert(e.fingerprint(), labels, e.annotations(), e.startsAt(), null, null),
        decided);
  }

  /** A resolved alert; the stored labels and annotations of its firing state are kept. */
  public static AlertChange resolved(String eventId, AlertResolved e) {
    Map<String, String> labels = new HashMap<>(e.labels());
    if (e.alertName() != null) {
      labels.putIfAbsent("alertname", e.alertName());
    }
    Instant start = e.startsAt() != null ? e.startsAt() : e.resolvedAt();
    return new AlertChange(
        eventId,
        new NotifyAlert(e.fingerprint(), labels, Map.of(), start, e.resolvedAt(), null),
        e.resolvedAt());
  }
}
