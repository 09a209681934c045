package dev.vigil.incident.domain;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What alert events do to an incident: attach, re-fire, join, resolve alerts, reopen and resolve
 * the incident. Kept apart from {@link Incident} (state and responders' commands) because this is
 * the hot path: every rule here reads only the alert concerned and the incident's {@link
 * AlertCounts}, never the other alerts, so the store loads and writes one alert row per event.
 */
final class AlertIntake {

  private AlertIntake() {}

  /** Opens an incident for the group of {@code first}, with that alert attached. */
  static Incident open(UUID id, AlertFired first, Instant now) {
    IncidentAlert alert = IncidentAlert.firing(first, now);
    Incident incident =
        new Incident(
            id,
            first.groupKey(),
            titleFor(alert),
            first.severity(),
            IncidentStatus.TRIGGERED,
            first.labels(),
            now,
            now,
            null,
            null,
            null,
            null,
            AlertCounts.NONE,
            List.of(),
            Set.of(),
            false);
    incident.put(alert);
    incident.append(
        TimelineKind.OPENED,
        now,
        "Incident opened by alert " + alert.displayName() + " (" + alert.severity() + ")",
        alert.fingerprint());
    return incident;
  }

  /** Applies an alert of the incident's group that fired (for the first time or again). */
  static Decision fire(Incident incident, AlertFired fired, Instant now) {
    incident.requireOpen();
    if (!incident.holdsGroup(fired.groupKey())) {
      throw new IllegalArgumentException(
          "alert of group "
              + fired.groupKey()
              + " applied to incident of group "
              + incident.groupKey());
    }
    String fp = fired.fingerprint();
    IncidentAlert known = incident.alert(fp);
    if (known == null) {
      IncidentAlert attached = IncidentAlert.firing(fired, now);
      incident.put(attached);
      incident.labels(commonLabels(incident.labels(), attached.labels()));
      String message =
          "Alert " + attached.displayName() + " (" + attached.severity() + ") attached";
      incident.append(TimelineKind.ALERT_ATTACHED, now, message, fp);
      recomputeSeverity(incident, now);
      return touched(
          incident, Decision.updated(incident, IncidentChange.ALERT_ATTACHED, fp, message), now);
    }
    IncidentAlert refired = known.refired(fired, now);
    incident.put(refired);
    if (!known.firing()) {
      String message =
          "Alert " + refired.displayName() + " (" + refired.severity() + ") fired again";
      incident.append(TimelineKind.ALERT_REFIRED, now, message, fp);
      recomputeSeverity(incident, now);
      return touched(
          incident, Decision.updated(incident, IncidentChange.ALERT_REFIRED, fp, message), now);
    }
    if (known.severity() == refired.severity()) {
      // A repeat of what we know (e.g. new annotations): kept, but not worth a timeline entry.
      return Decision.unchanged(incident, fp);
    }
    String message =
        "Alert "
            + refired.displayName()
            + " severity changed from "
            + known.severity()
            + " to "
            + refired.severity();
    incident.append(TimelineKind.ALERT_SEVERITY_CHANGED, now, message, fp);
    IncidentChange change =
        recomputeSeverity(incident, now)
            ? IncidentChange.SEVERITY_CHANGED
            : IncidentChange.ALERT_REFIRED;
    return touched(incident, Decision.updated(incident, change, fp, message), now);
  }

  /**
   * Attaches the first alert of another group because it affects a component the incident holds.
   */
  static Decision join(Incident incident, AlertFired fired, String why, Instant now) {
    incident.requireOpen();
    IncidentAlert attached = IncidentAlert.firing(fired, now);
    incident.put(attached);
    incident.labels(commonLabels(incident.labels(), attached.labels()));
    String message =
        "Alert " + attached.displayName() + " (" + attached.severity() + ") joined: " + why;
    incident.append(TimelineKind.ALERT_CORRELATED, now, message, fired.fingerprint());
    recomputeSeverity(incident, now);
    return touched(
        incident,
        Decision.updated(incident, IncidentChange.ALERT_ATTACHED, fired.fingerprint(), message),
        now);
  }

  /** Applies the resolution of one of the incident's alerts. */
  static Decision resolveAlert(
      Incident incident, AlertResolved resolved, Instant now, ResolutionPolicy policy) {
    incident.requireOpen();
    String fp = resolved.fingerprint();
    IncidentAlert known = incident.alert(fp);
    if (known == null || !known.firing()) {
      return Decision.ignored(fp, "alert " + fp + " is not firing in incident " + incident.id());
    }
    incident.put(known.resolved(now));
    String message = "Alert " + known.displayName() + " resolved";
    if (resolved.reason() != null && !resolved.reason().isBlank()) {
      message += ": " + resolved.reason();
    }
    incident.append(TimelineKind.ALERT_RESOLVED, now, message, fp);
    incident.touch(now);
    if (incident.activeAlerts() == 0 && policy.resolveNow(incident, now)) {
      incident.resolve(now, TimelineEntry.SYSTEM, "All alerts resolved");
      return Decision.resolved(incident, fp, message);
    }
    return Decision.updated(incident, IncidentChange.ALERT_RESOLVED, fp, message);
  }

  /** The group fired again soon after the incident resolved: the same trouble is back. */
  static Decision reopen(Incident incident, AlertFired fired, Instant now) {
    if (incident.isOpen()) {
      throw new IllegalStateException("incident " + incident.id() + " is open");
    }
    incident.reopened();
    String message = "Reopened: alert " + fired.alertName() + " fired again";
    incident.append(TimelineKind.REOPENED, now, message, fired.fingerprint());
    fire(incident, fired, now);
    return touched(
        incident,
        Decision.updated(incident, IncidentChange.REOPENED, fired.fingerprint(), message),
        now);
  }

  /** Resolves an incident without firing alerts once the quiet period has passed. */
  static Optional<Decision> resolveIfQuiet(Incident incident, Instant now, Duration quietPeriod) {
    if (!incident.isOpen() || incident.activeAlerts() > 0) {
      return Optional.empty();
    }
    Instant lastResolved = incident.lastAlertResolvedAt();
    if (lastResolved != null && lastResolved.plus(quietPeriod).isAfter(now)) {
      return Optional.empty();
    }
    String message = "All alerts resolved and quiet for " + quietPeriod;
    incident.resolve(now, TimelineEntry.SYSTEM, message);
    return Optional.of(Decision.resolved(incident, null, message));
  }

  /** Sets the incident severity to the highest of its alerts'; returns whether it changed. */
  private static boolean recomputeSeverity(Incident incident, Instant now) {
    Severity highest = incident.alertCounts().highest();
    if (highest == incident.severity()) {
      return false;
    }
    incident.append(
        TimelineKind.SEVERITY_CHANGED,
        now,
        "Incident severity changed from " + incident.severity() + " to " + highest,
        null);
    incident.severity(highest);
    return true;
  }

  private static Decision touched(Incident incident, Decision decision, Instant now) {
    incident.touch(now);
    return decision;
  }

  private static String titleFor(IncidentAlert first) {
    return first.summary() != null ? first.summary() : first.displayName();
  }

  /** Labels present with the same value on every alert, as alertmanager's common labels. */
  private static Map<String, String> commonLabels(Map<String, String> a, Map<String, String> b) {
    Map<String, String> common = new HashMap<>();
    a.forEach(
        (name, value) -> {
          if (value.equals(b.get(name))) {
            common.put(name, value);
          }
        });
    return Map.copyOf(common);
  }
}
