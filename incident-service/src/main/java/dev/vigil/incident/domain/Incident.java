package dev.vigil.incident.domain;

import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An incident: one alert group's trouble from its first alert until all its alerts resolved. The
 * aggregate root; every change goes through it and appends to the timeline. Entries appended since
 * the incident was loaded are kept in {@link #newTimelineEntries()} for the store to append, and
 * alerts changed since in {@link #alertChanges()}.
 *
 * <p>An incident may be loaded with only some of its alerts (the alert intake loads the one an
 * event concerns): everything derived from all alerts (severity, firing count, last resolution) is
 * kept in {@link AlertCounts}, so the rules give the same result either way. What alert events do
 * is in {@link AlertIntake}, responders' commands in {@link ResponderActions}.
 */
public final class Incident {

  private final UUID id;
  private final String groupKey;
  private final String title;
  private final Instant openedAt;
  private final Map<String, IncidentAlert> alerts;
  private final Set<String> joinedGroups;
  private final boolean stored;
  private final List<TimelineEntry> newEntries = new ArrayList<>();
  private final Map<String, AlertChange> changes = new LinkedHashMap<>();
  private AlertCounts counts;
  private Severity severity;
  private IncidentStatus status;
  private Map<String, String> labels;
  private Instant updatedAt;
  private Instant resolvedAt;
  private String resolvedBy;
  private Instant acknowledgedAt;
  private String acknowledgedBy;

  /** See {@link #restore}; {@code stored} is false for an incident this change opened. */
  Incident(
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
      AlertCounts counts,
      Collection<IncidentAlert> alerts,
      Set<String> joinedGroups,
      boolean stored) {
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
    this.counts = Objects.requireNonNull(counts, "counts");
    this.alerts = new LinkedHashMap<>();
    alerts.forEach(a -> this.alerts.put(a.fingerprint(), a));
    this.joinedGroups = Set.copyOf(joinedGroups);
    this.stored = stored;
  }

  /**
   * Rebuilds a stored incident; appends nothing to its timeline.
   *
   * @param counts the stored counts over all its alerts ({@link AlertCounts#of} when all are given)
   * @param loaded the alerts loaded: all, or those the caller will look at
   * @param joinedGroups other groups known to have joined it (its own always belongs)
   */
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
      AlertCounts counts,
      Collection<IncidentAlert> loaded,
      Set<String> joinedGroups) {
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
        counts,
        loaded,
        joinedGroups,
        true);
  }

  /** Whether alerts of {@code group} belong here: its own group, or one that joined it. */
  public boolean holdsGroup(String group) {
    if (groupKey.equals(group) || joinedGroups.contains(group)) {
      return true;
    }
    for (IncidentAlert alert : alerts.values()) {
      if (group.equals(alert.groupKey())) {
        return true;
      }
    }
    return false;
  }

  void resolve(Instant now, String actor, String message) {
    status = IncidentStatus.RESOLVED;
    resolvedAt = now;
    resolvedBy = actor;
    updatedAt = now;
    newEntries.add(new TimelineEntry(TimelineKind.RESOLVED, now, actor, message, null));
  }

  // State changes, for AlertIntake and ResponderActions.

  void acknowledged(String actor, Instant now) {
    status = IncidentStatus.ACKNOWLEDGED;
    acknowledgedAt = now;
    acknowledgedBy = actor;
  }

  void entry(TimelineEntry entry) {
    newEntries.add(entry);
  }

  /** Attaches or replaces an alert, keeping the counts and the list of changed alerts. */
  void put(IncidentAlert alert) {
    IncidentAlert before = alerts.put(alert.fingerprint(), alert);
    counts = counts.replace(before, alert);
    AlertChange earlier = changes.get(alert.fingerprint());
    changes.put(
        alert.fingerprint(), new AlertChange(earlier != null ? earlier.before() : before, alert));
  }

  /** The loaded alert with this fingerprint, or {@code null}. */
  IncidentAlert alert(String fingerprint) {
    return alerts.get(fingerprint);
  }

  void labels(Map<String, String> common) {
    labels = common;
  }

  void severity(Severity highest) {
    severity = highest;
  }

  void touch(Instant now) {
    updatedAt = now;
  }

  void reopened() {
    status = IncidentStatus.TRIGGERED;
    resolvedAt = null;
    resolvedBy = null;
    acknowledgedAt = null;
    acknowledgedBy = null;
  }

  void append(TimelineKind kind, Instant at, String message, String fingerprint) {
    newEntries.add(TimelineEntry.system(kind, at, message, fingerprint));
  }

  void requireOpen() {
    if (!isOpen()) {
      throw new IllegalStateException("incident " + id + " is resolved");
    }
  }

  public boolean isOpen() {
    return status != IncidentStatus.RESOLVED;
  }

  /** Number of attached alerts still firing. */
  public int activeAlerts() {
    return counts.firing();
  }

  /** Number of attached alerts, loaded or not. */
  public int alertCount() {
    return counts.total();
  }

  public AlertCounts alertCounts() {
    return counts;
  }

  /** When the last of the attached alerts resolved; {@code null} if none has. */
  public Instant lastAlertResolvedAt() {
    return counts.lastResolvedAt();
  }

  /** Whether the incident was loaded from the store (else opened by this change). */
  public boolean stored() {
    return stored;
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

  /**
   * The loaded alerts in the order they were attached: all of them when loaded whole, else those
   * the caller loaded (see {@link #restore}).
   */
  public List<IncidentAlert> alerts() {
    return List.copyOf(alerts.values());
  }

  public List<String> alertFingerprints() {
    return List.copyOf(alerts.keySet());
  }

  /** Alerts attached or changed since this incident was opened or restored, in change order. */
  public List<AlertChange> alertChanges() {
    return List.copyOf(changes.values());
  }

  /** Timeline entries appended since this incident was opened or restored. */
  public List<TimelineEntry> newTimelineEntries() {
    return List.copyOf(newEntries);
  }
}
