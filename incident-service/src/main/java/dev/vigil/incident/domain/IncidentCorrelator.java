package dev.vigil.incident.domain;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentCorrelation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Correlates alerts into incidents: one open incident per alert group. The caller looks up the
 * candidate incident (and serialises work per group); the correlator decides what happens.
 *
 * <p>The open incident of a group (its own, or the one its alerts joined) is the first candidate.
 * Without one, an open incident that holds a component the alert affects and opened within the
 * correlation window is joined ({@link ComponentCorrelation}); else the group's last resolved
 * incident is reopened if it resolved within the reopen window (the same trouble came back);
 * otherwise a new incident opens. Joining comes before reopening: reopening would put a second open
 * incident on a component that already has one.
 *
 * <p>Responders' commands (acknowledge, resolve, note) go through here too, so every change is
 * stamped by the same clock.
 */
public final class IncidentCorrelator {

  private final Clock clock;
  private final Supplier<UUID> ids;
  private final ResolutionPolicy resolutionPolicy;
  private final Duration reopenWindow;
  private final ComponentCorrelation byComponent;

  public IncidentCorrelator(Clock clock, Supplier<UUID> ids, ResolutionPolicy resolutionPolicy) {
    this(clock, ids, resolutionPolicy, Duration.ZERO);
  }

  public IncidentCorrelator(
      Clock clock, Supplier<UUID> ids, ResolutionPolicy resolutionPolicy, Duration reopenWindow) {
    this(clock, ids, resolutionPolicy, reopenWindow, ComponentCorrelation.off());
  }

  /**
   * @param reopenWindow an alert of a group whose last incident resolved less than this long ago
   *     reopens that incident; {@link Duration#ZERO} never reopens
   */
  public IncidentCorrelator(
      Clock clock,
      Supplier<UUID> ids,
      ResolutionPolicy resolutionPolicy,
      Duration reopenWindow,
      ComponentCorrelation byComponent) {
    this.byComponent = Objects.requireNonNull(byComponent, "byComponent");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.resolutionPolicy = Objects.requireNonNull(resolutionPolicy, "resolutionPolicy");
    this.reopenWindow = Objects.requireNonNull(reopenWindow, "reopenWindow");
  }

  /**
   * An alert fired.
   *
   * @param openIncident the open incident of {@code fired.groupKey()}, if any
   */
  public Decision onAlertFired(AlertFired fired, Optional<Incident> openIncident) {
    return onAlertFired(fired, openIncident, Optional.empty());
  }

  /**
   * An alert fired.
   *
   * @param openIncident the open incident of {@code fired.groupKey()}, if any
   * @param lastResolved the group's most recently resolved incident, if any
   */
  public Decision onAlertFired(
      AlertFired fired, Optional<Incident> openIncident, Optional<Incident> lastResolved) {
    return onAlertFired(fired, openIncident, lastResolved, List.of(), List.of());
  }

  /**
   * An alert fired.
   *
   * @param openIncident the open incident of {@code fired.groupKey()} (own or joined), if any
   * @param lastResolved the group's most recently resolved incident, if any
   * @param components every component definition
   * @param sameComponent open incidents that hold a component the alert affects
   */
  public Decision onAlertFired(
      AlertFired fired,
      Optional<Incident> openIncident,
      Optional<Incident> lastResolved,
      List<Component> components,
      List<Incident> sameComponent) {
    requireValid(fired);
    Instant now = clock.instant();
    Optional<Incident> candidate = openIncident.filter(Incident::isOpen);
    if (candidate.isPresent()) {
      return AlertIntake.fire(candidate.get(), fired, now);
    }
    Optional<ComponentCorrelation.Join> join =
        byComponent.pick(fired, components, sameComponent, now);
    if (join.isPresent()) {
      return AlertIntake.join(
          join.get().incident(),
          fired,
          join.get().reason(byComponent.window(), fired.groupKey()),
          now);
    }
    Optional<Incident> recent =
        lastResolved.filter(
            i ->
                !i.isOpen() && i.groupKey().equals(fired.groupKey()) && withinReopenWindow(i, now));
    if (recent.isPresent()) {
      return AlertIntake.reopen(recent.get(), fired, now);
    }
    Incident incident = AlertIntake.open(ids.get(), fired, now);
    return Decision.opened(incident, fired.fingerprint(), incident.title());
  }

  /** Whether alerts may join open incidents of other groups by component. */
  public boolean correlatesByComponent() {
    return byComponent.enabled();
  }

  /** Incidents opened before this instant are no longer joined by component. */
  public Instant correlationCutoff() {
    return clock.instant().minus(byComponent.window());
  }

  /** An incident with this many alerts is no longer joined by component. */
  public int correlationMaxAlerts() {
    return byComponent.maxAlerts();
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
    return AlertIntake.resolveAlert(candidate.get(), resolved, clock.instant(), resolutionPolicy);
  }

  /** A responder acknowledges. */
  public Decision acknowledge(Incident incident, String actor) {
    return ResponderActions.acknowledge(incident, requireActor(actor), clock.instant());
  }

  /**
   * A responder resolves by hand.
   *
   * @throws StillFiringException if alerts still fire and {@code force} is false
   */
  public Decision resolve(Incident incident, String actor, boolean force, String comment) {
    return ResponderActions.resolveByHand(
        incident, requireActor(actor), clock.instant(), force, comment);
  }

  /** A responder adds a note to the timeline. */
  public Decision addNote(Incident incident, String actor, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a note needs text");
    }
    return ResponderActions.addNote(incident, requireActor(actor), text.strip(), clock.instant());
  }

  /** Records on the timeline that a public update was posted or published. */
  public Decision publicUpdate(Incident incident, String actor, String message) {
    return ResponderActions.recordPublicUpdate(
        incident, requireActor(actor), message, clock.instant());
  }

  /** Records on the timeline that the post-incident review changed. */
  public Decision postmortem(Incident incident, String actor) {
    return ResponderActions.recordPostmortem(incident, requireActor(actor), clock.instant());
  }

  /** Resolves an open incident without firing alerts once its quiet period has passed. */
  public Optional<Decision> resolveIfQuiet(Incident incident, Duration quietPeriod) {
    return AlertIntake.resolveIfQuiet(incident, clock.instant(), quietPeriod);
  }

  private boolean withinReopenWindow(Incident resolved, Instant now) {
    return !reopenWindow.isZero()
        && resolved.resolvedAt() != null
        && resolved.resolvedAt().plus(reopenWindow).isAfter(now);
  }

  private static String requireActor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("an actor is required");
    }
    return actor;
  }

  private static void requireValid(AlertFired fired) {
    Objects.requireNonNull(fired.fingerprint(), "fingerprint");
    Objects.requireNonNull(fired.groupKey(), "groupKey");
    Objects.requireNonNull(fired.severity(), "severity");
  }
}
