package dev.vigil.incident.domain.component;

import dev.vigil.events.AlertFired;
import dev.vigil.incident.domain.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Correlation by component and time: the first alert of a group that has no open incident joins an
 * open incident that holds a component the alert affects, if that incident opened within the
 * window. One component outage then shows as one incident even when several rules (or targets)
 * notice it, while trouble that starts long after the incident opened gets its own.
 *
 * <p>Among several candidates the oldest wins (ties by id), so every replica picks the same one. An
 * incident that already holds {@code maxAlerts} alerts takes no more from other groups.
 */
public final class ComponentCorrelation {

  /** Default for {@code maxAlerts}. */
  public static final int DEFAULT_MAX_ALERTS = 50;

  private final Duration window;
  private final int maxAlerts;

  public ComponentCorrelation(Duration window) {
    this(window, DEFAULT_MAX_ALERTS);
  }

  /**
   * @param window how long after an incident opened alerts of other groups may still join it;
   *     {@link Duration#ZERO} turns correlation by component off
   * @param maxAlerts an incident with this many alerts is not joined any more: during an alert
   *     storm one component incident would otherwise collect every alert for the whole window, and
   *     every change to an incident costs time in proportion to its alerts
   */
  public ComponentCorrelation(Duration window, int maxAlerts) {
    this.window = Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    if (maxAlerts < 1) {
      throw new IllegalArgumentException("maxAlerts must be positive");
    }
    this.maxAlerts = maxAlerts;
  }

  public static ComponentCorrelation off() {
    return new ComponentCorrelation(Duration.ZERO);
  }

  public boolean enabled() {
    return !window.isZero();
  }

  public Duration window() {
    return window;
  }

  public int maxAlerts() {
    return maxAlerts;
  }

  /** The incident an alert joins and why. */
  public record Join(Incident incident, Component component, Duration incidentAge) {

    /** The timeline's words for the join. */
    public String reason(Duration window, String alertGroup) {
      return "its group "
          + alertGroup
          + " affects component "
          + component.name()
          + " ("
          + component.id()
          + "), which this incident holds; the incident opened "
          + human(incidentAge)
          + " ago, within the "
          + human(window)
          + " correlation window";
    }
  }

  /**
   * The open incident {@code fired} should join, if any.
   *
   * @param components every component definition
   * @param candidates open incidents that may hold one of the alert's components
   */
  public Optional<Join> pick(
      AlertFired fired, List<Component> components, List<Incident> candidates, Instant now) {
    if (!enabled() || candidates.isEmpty()) {
      return Optional.empty();
    }
    List<Component> affected =
        components.stream().filter(c -> c.affectedBy(fired.labels())).toList();
    if (affected.isEmpty()) {
      return Optional.empty();
    }
    return candidates.stream()
        .filter(Incident::isOpen)
        .filter(i -> !i.openedAt().plus(window).isBefore(now))
        .filter(i -> i.alertCount() < maxAlerts)
        .sorted(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id))
        .flatMap(
            i -> {
              Map<String, ?> held = ComponentImpacts.of(i, components);
              return affected.stream()
                  .filter(c -> held.containsKey(c.id()))
                  .findFirst()
                  .map(c -> new Join(i, c, Duration.between(i.openedAt(), now)))
                  .stream();
            })
        .findFirst();
  }

  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s");
    }
    return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + "m");
  }
}
