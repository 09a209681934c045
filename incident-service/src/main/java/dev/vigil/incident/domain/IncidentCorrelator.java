package dev.vigil.incident.domain;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Correlates alerts into incidents: one open incident per alert group. The caller looks up the
 * candidate incident (and serialises work per group); the correlator decides what happens.
 *
 * <p>Only the open incident of a group is ever a candidate, so an alert of a group whose last
 * incident resolved opens a new incident. Reopening a recently resolved incident (a time window) is
 * a later issue; it would add a second candidate here.
 */
public final class IncidentCorrelator {

  private final Clock clock;
  private final Supplier<UUID> ids;
  private final ResolutionPolicy resolutionPolicy;

  public IncidentCorrelator(Clock clock, Supplier<UUID> ids, ResolutionPolicy resolutionPolicy) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.resolutionPolicy = Objects.requireNonNull(resolutionPolicy, "resolutionPolicy");
  }

  /**
   * An alert fired.
   *
   * @param openIncident the open incident of {@code fired.groupKey()}, if any
   */
  public Decision onAlertFired(AlertFired fired, Optional<Incident> openIncident) {
    requireValid(fired);
    Instant now = clock.instant();
    Optional<Incident> candidate = openIncident.filter(Incident::isOpen);
    if (candidate.isPresent()) {
      return candidate.get().fire(fired, now);
    }
    Incident incident = Incident.open(ids.get(), fired, now);
    return Decision.opened(incident, fired.fingerprint(), incident.title());
  }

  /**
   * An alert resolved.
   *
   * @param holder the open incident in which the alert fires, if any
   */
  public Decision onAlertResolved(AlertResolved resolved, Optional<Incident> holder) {
    Objects.requireNonNull(resolved.fingerprint(), "fingerprint");
    Optional<Incident> candidate = holder.filter(Incident::isOpen);
    if (candidate.isEmpty()) {
      return Decision.ignored(
          resolved.fingerprint(),
          "no open incident holds alert " + resolved.fingerprint() + "; nothing to resolve");
    }
    return candidate.get().resolveAlert(resolved, clock.instant(), resolutionPolicy);
  }

  private static void requireValid(AlertFired fired) {
    Objects.requireNonNull(fired.fingerprint(), "fingerprint");
    Objects.requireNonNull(fired.groupKey(), "groupKey");
    Objects.requireNonNull(fired.severity(), "severity");
  }
}
