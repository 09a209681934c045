package dev.vigil.incident.domain;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays alert events through an {@link IncidentCorrelator} the way the service does: it keeps the
 * open incident per group, looks the candidate up, and reloads incidents between events so that
 * each step sees only its own new timeline entries.
 */
final class Scenario {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Map<String, Incident> openByGroup = new HashMap<>();
  private final AtomicInteger nextId = new AtomicInteger();
  private final IncidentCorrelator correlator;
  private final List<Decision> decisions = new ArrayList<>();

  Scenario() {
    this(ResolutionPolicy.IMMEDIATE);
  }

  Scenario(ResolutionPolicy policy) {
    this.correlator =
        new IncidentCorrelator(
            Clock.fixed(T0, ZoneOffset.UTC), () -> new UUID(0, nextId.incrementAndGet()), policy);
  }

  /** A step of a scenario: one alert event. */
  interface Step {
    Decision apply(Scenario scenario);
  }

  static Step fire(String fingerprint, Severity severity) {
    return fire("group-1", fingerprint, severity);
  }

  static Step fire(String group, String fingerprint, Severity severity) {
    return s -> s.fired(alert(group, fingerprint, severity, Map.of(), Map.of()));
  }

  static Step resolve(String fingerprint) {
    return s -> s.resolved(resolution(fingerprint));
  }

  static AlertFired alert(
      String group,
      String fingerprint,
      Severity severity,
      Map<String, String> labels,
      Map<String, String> annotations) {
    return new AlertFired(
        fingerprint,
        "Alert_" + fingerprint,
        severity,
        labels,
        annotations,
        group,
        T0.minusSeconds(60),
        T0,
        null,
        null);
  }

  static AlertResolved resolution(String fingerprint) {
    return new AlertResolved(
        fingerprint, "Alert_" + fingerprint, Map.of(), "group-1", null, T0, "renewed", null);
  }

  Decision run(List<Step> steps) {
    Decision last = null;
    for (Step step : steps) {
      last = step.apply(this);
    }
    return last;
  }

  Decision fired(AlertFired alert) {
    return record(
        correlator.onAlertFired(alert, Optional.ofNullable(openByGroup.get(alert.groupKey()))));
  }

  Decision resolved(AlertResolved alert) {
    Optional<Incident> holder =
        openByGroup.values().stream()
            .filter(
                i ->
                    i.alerts().stream()
                        .anyMatch(a -> a.firing() && a.fingerprint().equals(alert.fingerprint())))
            .findFirst();
    return record(correlator.onAlertResolved(alert, holder));
  }

  List<Decision> decisions() {
    return decisions;
  }

  private Decision record(Decision decision) {
    decisions.add(decision);
    if (decision.changesState()) {
      Incident i = decision.incident();
      if (i.isOpen()) {
        openByGroup.put(i.groupKey(), reload(i));
      } else {
        openByGroup.remove(i.groupKey());
      }
    }
    return decision;
  }

  /** What the store would hand back next time: same state, no pending timeline entries. */
  static Incident reload(Incident i) {
    return Incident.restore(
        i.id(),
        i.groupKey(),
        i.title(),
        i.severity(),
        i.status(),
        i.labels(),
        i.openedAt(),
        i.updatedAt(),
        i.resolvedAt(),
        i.resolvedBy(),
        i.acknowledgedAt(),
        i.acknowledgedBy(),
        AlertCounts.of(i.alerts()),
        i.alerts(),
        java.util.Set.of());
  }
}
