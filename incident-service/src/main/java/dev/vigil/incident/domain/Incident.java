package dev.vigil.incident.domain;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident: one alert group's trouble from its first alert until all its alerts resolved. The
 * aggregate root; every change goes through it and appends to the timeline. Entries appended since
 * the incident was loaded are kept in {@link #newTimelineEntries()} for the store to append.
 */
public final class Incident {

  private final UUID id;
  private final String groupKey;
  private final String title;
  private final Instant openedAt;
  private final Map<String, IncidentAlert> alerts;
  private final List<TimelineEntry> newEntries = new ArrayList<>();
  private Severity severity;
  private IncidentStatus status;
  private Map<String, String> labels;
  private Instant updatedAt;
  private Instant resolvedAt;
  private String resolvedBy;
  private Instant acknowledgedAt;
  private String acknowledgedBy;

  private Incident(
      UUID id,
      String groupKey,
      String title,
      Severity severity,
      IncidentStatus status,
      Map<String, String> labels,
      Instant openedAt,
      Instant updatedAt,
      Instant resolvedAt,
      String resolvedBy,
      Instant acknowledgedAt,
      String acknowledgedBy,
      Collection<IncidentAlert> alerts) {
    this.id = Objects.requireNonNull(id, "id");
    this.groupKey = Objects.requireNonNull(groupKey, "groupKey");
    this.title = Objects.requireNonNull(title, "title");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.status = Objects.requireNonNull(status, "status");
    this.labels = labels == null ? Map.of() : Map.copyOf(labels);
    this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.resolvedAt = resolvedAt;
    this.resolvedBy = resolvedBy;
    this.acknowledgedAt = acknowledgedAt;
    this.acknowledgedBy = acknowledgedBy;
    this.alerts = new LinkedHashMap<>();
    alerts.forEach(a -> this.alerts.put(a.fingerprint(), a));
  }

  /** Rebuilds a stored incident; appends nothing to its timeline. */
  public static Incident restore(
      UUID id,
      String groupKey,
      String title,
      Severity severity,
      IncidentStatus status,
      Map<String, String> labels,
      Instant openedAt,
      Instant updatedAt,
      Instant resolvedAt,
      String resolvedBy,
      Instant acknowledgedAt,
      String acknowledgedBy,
      Collection<IncidentAlert> alerts) {
    return new Incident(
        id,
        groupKey,
        title,
        severity,
        status,
        labels,
        openedAt,
        updatedAt,
        resolvedAt,
        resolvedBy,
        acknowledgedAt,
        acknowledgedBy,
        alerts);
  }

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
            List.of(alert));
    incident.append(
        TimelineKind.OPENED,
        now,
        "Incident opened by alert " + alert.displayName() + " (" + alert.severity() + ")",
        alert.fingerprint());
    return incident;
  }

  /** Applies an alert of this incident's group that fired (for the first time or again). */
  Decision fire(AlertFired fired, Instant now) {
    requireOpen();
    if (!holdsGroup(fired.groupKey())) {
      throw new IllegalArgumentException(
          "alert of group " + fired.groupKey() + " applied to incident of group " + groupKey);
    }
    String fp = fired.fingerprint();
    IncidentAlert known = alerts.get(fp);
    if (known == null) {
      IncidentAlert attached = IncidentAlert.firing(fired, now);
      alerts.put(fp, attached);
      labels = commonLabels(labels, attached.labels());
      String message =
          "Alert " + attached.displayName() + " (" + attached.severity() + ") attached";
      append(TimelineKind.ALERT_ATTACHED, now, message, fp);
      recomputeSeverity(now);
      return touched(Decision.updated(this, IncidentChange.ALERT_ATTACHED, fp, message), now);
    }
    IncidentAlert refired = known.refired(fired, now);
    alerts.put(fp, refired);
    if (!known.firing()) {
      String message =
          "Alert " + refired.displayName() + " (" + refired.severity() + ") fired again";
      append(TimelineKind.ALERT_REFIRED, now, message, fp);
      recomputeSeverity(now);
      return touched(Decision.updated(this, IncidentChange.ALERT_REFIRED, fp, message), now);
    }
    if (known.severity() == refired.severity()) {
      // A repeat of what we know (e.g. new annotations): kept, but not worth a timeline entry.
      return Decision.unchanged(this, fp);
    }
    String message =
        "Alert "
            + refired.displayName()
            + " severity changed from "
            + known.severity()
            + " to "
            + refired.severity();
    append(TimelineKind.ALERT_SEVERITY_CHANGED, now, message, fp);
    IncidentChange change =
        recomputeSeverity(now) ? IncidentChange.SEVERITY_CHANGED : IncidentChange.ALERT_REFIRED;
    return touched(Decision.updated(this, change, fp, message), now);
  }

  /**
   * Attaches the first alert of another group, which has no open incident of its own, because it
   * affects a component this incident holds: one outage of a component, one incident.
   *
   * @param why the timeline's explanation of the join
   */
  Decision join(AlertFired fired, String why, Instant now) {
    requireOpen();
    IncidentAlert attached = IncidentAlert.firing(fired, now);
    alerts.put(fired.fingerprint(), attached);
    labels = commonLabels(labels, attached.labels());
    String message =
        "Alert " + attached.displayName() + " (" + attached.severity() + ") joined: " + why;
    append(TimelineKind.ALERT_CORRELATED, now, message, fired.fingerprint());
    recomputeSeverity(now);
    return touched(
        Decision.updated(this, IncidentChange.ALERT_ATTACHED, fired.fingerprint(), message), now);
  }

  /** Whether alerts of {@code group} belong here: its own group, or one that joined it. */
  public boolean holdsGroup(String group) {
    if (groupKey.equals(group)) {
      return true;
    }
    for (IncidentAlert alert : alerts.values()) {
      if (group.equals(alert.groupKey())) {
        return true;
      }
    }
    return false;
  }

  /** Applies the resolution of one of this incident's alerts. */
  Decision resolveAlert(AlertResolved resolved, Instant now, ResolutionPolicy policy) {
    requireOpen();
    String fp = resolved.fingerprint();
    IncidentAlert known = alerts.get(fp);
    if (known == null || !known.firing()) {
      return Decision.ignored(fp, "alert " + fp + " is not firing in incident " + id);
    }
    alerts.put(fp, known.resolved(now));
    String message = "Alert " + known.displayName() + " resolved";
    if (resolved.reason() != null && !resolved.reason().isBlank()) {
      message += ": " + resolved.reason();
    }
    append(TimelineKind.ALERT_RESOLVED, now, message, fp);
    updatedAt = now;
    if (activeAlerts() == 0 && policy.resolveNow(this, now)) {
      resolve(now, TimelineEntry.SYSTEM, "All alerts resolved");
      return Decision.resolved(this, fp, message);
    }
    return Decision.updated(this, IncidentChange.ALERT_RESOLVED, fp, message);
  }

  private void resolve(Instant now, String actor, String message) {
    status = IncidentStatus.RESOLVED;
    resolvedAt = now;
    resolvedBy = actor;
    updatedAt = now;
    newEntries.add(new TimelineEntry(TimelineKind.RESOLVED, now, actor, message, null));
  }

  /**
   * A responder acknowledges the incident: they are on it, so escalation stops. Acknowledging twice
   * changes nothing.
   */
  Decision acknowledge(String actor, Instant now) {
    requireOpen();
    if (status == IncidentStatus.ACKNOWLEDGED) {
      return Decision.unchanged(this, null);
    }
    status = IncidentStatus.ACKNOWLEDGED;
    acknowledgedAt = now;
    acknowledgedBy = actor;
    String message = "Acknowledged by " + actor;
    newEntries.add(new TimelineEntry(TimelineKind.ACKNOWLEDGED, now, actor, message, null));
    return touched(
        Decision.updated(this, IncidentChange.ACKNOWLEDGED, null, message).by(actor), now);
  }

  /**
   * A responder resolves the incident by hand. While alerts still fire this needs {@code force}:
   * closing an incident whose cause is still visible hides an outage from customers and from the
   * uptime figures.
   *
   * @throws StillFiringException if alerts fire and {@code force} is false
   */
  Decision resolveByHand(String actor, Instant now, boolean force, String comment) {
    requireOpen();
    int firing = activeAlerts();
    if (firing > 0 && !force) {
      throw new StillFiringException(id, firing);
    }
    String message = "Resolved by " + actor;
    if (firing > 0) {
      message += " (forced while " + firing + " alert(s) still fired)";
    }
    if (comment != null && !comment.isBlank()) {
      message += ": " + comment.strip();
    }
    resolve(now, actor, message);
    return Decision.resolved(this, null, message).by(actor);
  }

  /** A note on the timeline; it does not change the incident's state. */
  Decision addNote(String actor, String text, Instant now) {
    // Notes are welcome after resolution too: post-incident findings belong on the timeline.
    newEntries.add(new TimelineEntry(TimelineKind.NOTE, now, actor, text, null));
    return touched(Decision.updated(this, IncidentChange.NOTE_ADDED, null, text).by(actor), now);
  }

  /**
   * A public update was posted or published; the words themselves live with the update, the
   * timeline says who did it and when.
   */
  Decision recordPublicUpdate(String actor, String message, Instant now) {
    newEntries.add(new TimelineEntry(TimelineKind.PUBLIC_UPDATE, now, actor, message, null));
    return touched(
        Decision.updated(this, IncidentChange.PUBLIC_UPDATE, null, message).by(actor), now);
  }

  /** The post-incident review was written or changed. */
  Decision recordPostmortem(String actor, Instant now) {
    String message = "Post-incident review updated by " + actor;
    newEntries.add(new TimelineEntry(TimelineKind.POSTMORTEM, now, actor, message, null));
    return touched(Decision.updated(this, IncidentChange.NOTE_ADDED, null, message).by(actor), now);
  }

  /**
   * The group fired again soon after this incident resolved: the same trouble is back, so the
   * incident is reopened instead of a new one being opened next to it.
   */
  Decision reopen(AlertFired fired, Instant now) {
    if (isOpen()) {
      throw new IllegalStateException("incident " + id + " is open");
    }
    status = IncidentStatus.TRIGGERED;
    resolvedAt = null;
    resolvedBy = null;
    acknowledgedAt = null;
    acknowledgedBy = null;
    String message = "Reopened: alert " + fired.alertName() + " fired again";
    append(TimelineKind.REOPENED, now, message, fired.fingerprint());
    fire(fired, now);
    return touched(
        Decision.updated(this, IncidentChange.REOPENED, fired.fingerprint(), message), now);
  }

  /**
   * Resolves an incident whose alerts have all resolved once the quiet period has passed since the
   * last of them; an alert firing meanwhile keeps it open.
   *
   * @return the decision, or empty if the incident stays open
   */
  Optional<Decision> resolveIfQuiet(Instant now, Duration quietPeriod) {
    if (!isOpen() || activeAlerts() > 0) {
      return Optional.empty();
    }
    Instant lastResolved = lastAlertResolvedAt();
    if (lastResolved != null && lastResolved.plus(quietPeriod).isAfter(now)) {
      return Optional.empty();
    }
    String message = "All alerts resolved and quiet for " + quietPeriod;
    resolve(now, TimelineEntry.SYSTEM, message);
    return Optional.of(Decision.resolved(this, null, message));
  }

  /** When the last of the attached alerts resolved; {@code null} if none has. */
  public Instant lastAlertResolvedAt() {
    Instant last = null;
    for (IncidentAlert alert : alerts.values()) {
      if (alert.resolvedAt() != null && (last == null || alert.resolvedAt().isAfter(last))) {
        last = alert.resolvedAt();
      }
    }
    return last;
  }

  /** Sets the incident severity to the highest of its alerts'; returns whether it changed. */
  private boolean recomputeSeverity(Instant now) {
    Severity highest = null;
    for (IncidentAlert alert : alerts.values()) {
      highest = Severity.max(highest, alert.severity());
    }
    if (highest == severity) {
      return false;
    }
    append(
        TimelineKind.SEVERITY_CHANGED,
        now,
        "Incident severity changed from " + severity + " to " + highest,
        null);
    severity = highest;
    return true;
  }

  private Decision touched(Decision decision, Instant now) {
    updatedAt = now;
    return decision;
  }

  private void append(TimelineKind kind, Instant at, String message, String fingerprint) {
    newEntries.add(TimelineEntry.system(kind, at, message, fingerprint));
  }

  private void requireOpen() {
    if (!isOpen()) {
      throw new IllegalStateException("incident " + id + " is resolved");
    }
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

  private static String titleFor(IncidentAlert first) {
    return first.summary() != null ? first.summary() : first.displayName();
  }

  public boolean isOpen() {
    return status != IncidentStatus.RESOLVED;
  }

  /** Number of attached alerts still firing. */
  public int activeAlerts() {
    return (int) alerts.values().stream().filter(IncidentAlert::firing).count();
  }

  public UUID id() {
    return id;
  }

  public String groupKey() {
    return groupKey;
  }

  public String title() {
    return title;
  }

  public Severity severity() {
    return severity;
  }

  public IncidentStatus status() {
    return status;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public String resolvedBy() {
    return resolvedBy;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public String acknowledgedBy() {
    return acknowledgedBy;
  }

  /** Attached alerts in the order they were attached. */
  public List<IncidentAlert> alerts() {
    return List.copyOf(alerts.values());
  }

  public List<String> alertFingerprints() {
    return List.copyOf(alerts.keySet());
  }

  /** Timeline entries appended since this incident was opened or restored. */
  public List<TimelineEntry> newTimelineEntries() {
    return List.copyOf(newEntries);
  }
}
