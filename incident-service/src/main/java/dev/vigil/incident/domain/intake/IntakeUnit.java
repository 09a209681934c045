package dev.vigil.incident.domain.intake;

import dev.vigil.events.IncidentChange;
import dev.vigil.incident.domain.AlertChange;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentAlert;
import dev.vigil.incident.domain.TimelineEntry;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentImpacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The unit of work of one alert intake batch: every incident the batch's events can touch, loaded
 * up front in a few set-based queries, with the alerts the rules may need (all firing alerts, and
 * every alert the batch's events name) and its impact segments ({@link ImpactLedger}). Events are
 * then decided one after another against this state, exactly as they were against the database one
 * transaction at a time, and what they changed is collected for one write at the end.
 *
 * <p>Each look-up hands out a fresh copy of the incident's current state ({@link
 * Incident#restore}), so a decision's {@link Incident#alertChanges()} and {@link
 * Incident#newTimelineEntries()} are that event's own; {@link #record} folds the decided incident
 * back in.
 *
 * <p>Completeness is the loader's job: an incident that any event of the batch could find in the
 * database (open by group, joined by group, firing a named alert, last resolved of a group, a join
 * candidate) must be loaded before the first event is decided. Join candidates are loaded per
 * component up to a limit; {@link #candidatesRunOut} says when the batch has used them up and the
 * store must be asked for more.
 */
public final class IntakeUnit {

  private static final Comparator<Incident> NEWEST_FIRST =
      Comparator.comparing(Incident::openedAt).thenComparing(Incident::id).reversed();
  private static final Comparator<Incident> OLDEST_FIRST =
      Comparator.comparing(Incident::openedAt).thenComparing(Incident::id);

  private final Map<UUID, Incident> incidents = new LinkedHashMap<>();
  private final Map<UUID, Long> versions = new HashMap<>();
  private final Map<UUID, Map<String, IncidentAlert>> alerts = new HashMap<>();
  private final Map<String, Set<UUID>> byAlertGroup = new HashMap<>();
  private final Map<String, Set<UUID>> byFingerprint = new HashMap<>();
  private final Map<String, Candidates> candidates = new HashMap<>();
  private final ImpactLedger impacts = new ImpactLedger();
  private final Set<UUID> created = new LinkedHashSet<>();
  private final Set<UUID> changed = new LinkedHashSet<>();
  private final Map<AlertKey, IncidentAlert> changedAlerts = new LinkedHashMap<>();
  private final List<TimelineRow> timeline = new ArrayList<>();

  /** An alert row to write. */
  public record AlertRow(UUID incidentId, IncidentAlert alert) {}

  /** A timeline entry to append. */
  public record TimelineRow(UUID incidentId, TimelineEntry entry) {}

  /** An incident row to update, with the version it was loaded at (optimistic lock). */
  public record StoredRow(Incident incident, long version) {}

  private record AlertKey(UUID incidentId, String fingerprint) {}

  private record Candidates(Set<UUID> loaded, boolean truncated) {}

  // Loading.

  /** A stored incident with the alerts loaded for it; {@code version} is its row version. */
  public void addIncident(Incident incident, long version) {
    UUID id = incident.id();
    incidents.put(id, incident);
    versions.put(id, version);
    Map<String, IncidentAlert> loaded = alerts.computeIfAbsent(id, k -> new LinkedHashMap<>());
    for (IncidentAlert alert : incident.alerts()) {
      loaded.put(alert.fingerprint(), alert);
      index(id, alert);
    }
  }

  /** One group whose alerts the incident holds (joined or own); from the store. */
  public void addAlertGroup(UUID incidentId, String groupKey) {
    byAlertGroup.computeIfAbsent(groupKey, k -> new LinkedHashSet<>()).add(incidentId);
  }

  /**
   * The join candidates the store found for a component: the oldest joinable incidents holding it,
   * at most {@code limit}; {@code truncated} when the store may hold more.
   */
  public void addCandidates(String componentId, Collection<UUID> ids, boolean truncated) {
    Candidates known = candidates.get(componentId);
    Set<UUID> all = new LinkedHashSet<>(known == null ? Set.of() : known.loaded());
    all.addAll(ids);
    candidates.put(componentId, new Candidates(all, truncated));
  }

  public ImpactLedger impacts() {
    return impacts;
  }

  public boolean knows(UUID incidentId) {
    return incidents.containsKey(incidentId);
  }

  public Set<UUID> known() {
    return Set.copyOf(incidents.keySet());
  }

  // Look-ups, each answering with a fresh copy of the current state.

  /** The open incident alerts of the group go to: its own, else the newest one it joined. */
  public Optional<Incident> openByGroup(String groupKey) {
    Optional<Incident> own =
        incidents.values().stream()
            .filter(i -> i.isOpen() && i.groupKey().equals(groupKey))
            .findFirst();
    Optional<Incident> found =
        own.or(
            () ->
                byAlertGroup.getOrDefault(groupKey, Set.of()).stream()
                    .map(incidents::get)
                    .filter(i -> i != null && i.isOpen())
                    .min(NEWEST_FIRST));
    return found.map(i -> copy(i, Set.of(groupKey)));
  }

  /** The open incident in which the alert fires (the newest, should there be two). */
  public Optional<Incident> openWithFiringAlert(String fingerprint) {
    return byFingerprint.getOrDefault(fingerprint, Set.of()).stream()
        .map(incidents::get)
        .filter(i -> i.isOpen() && alerts.get(i.id()).get(fingerprint).firing())
        .min(NEWEST_FIRST)
        .map(i -> copy(i, Set.of()));
  }

  /** The group's most recently resolved incident. */
  public Optional<Incident> lastResolvedByGroup(String groupKey) {
    return incidents.values().stream()
        .filter(i -> !i.isOpen() && i.groupKey().equals(groupKey) && i.resolvedAt() != null)
        .max(Comparator.comparing(Incident::resolvedAt))
        .map(i -> copy(i, Set.of(groupKey)));
  }

  /**
   * Open incidents opened at or after {@code openedFrom}, with fewer than {@code maxAlerts} alerts,
   * holding any of the components; the oldest {@code limit}, each with its firing alerts.
   */
  public List<Incident> joinable(
      List<String> componentIds, Instant openedFrom, int maxAlerts, int limit) {
    return eligible(incidents.values().stream(), componentIds, openedFrom, maxAlerts)
        .sorted(OLDEST_FIRST)
        .limit(limit)
        .map(i -> copy(i, Set.of()))
        .toList();
  }

  /**
   * Components whose candidates from the store this batch has used up (the store returned its
   * limit, and fewer than {@code limit} of them are still joinable): the store must be asked again,
   * or an older joinable incident it did not return would be missed.
   */
  public List<String> candidatesRunOut(
      List<String> componentIds, Instant openedFrom, int maxAlerts, int limit) {
    List<String> runOut = new ArrayList<>();
    for (String componentId : componentIds) {
      Candidates c = candidates.get(componentId);
      if (c != null && c.truncated()) {
        long left =
            eligible(
                    c.loaded().stream().map(incidents::get),
                    List.of(componentId),
                    openedFrom,
                    maxAlerts)
                .count();
        if (left < limit) {
          runOut.add(componentId);
        }
      }
    }
    return runOut;
  }

  private Stream<Incident> eligible(
      Stream<Incident> from, List<String> componentIds, Instant openedFrom, int maxAlerts) {
    return from.filter(
        i ->
            i != null
                && i.isOpen()
                && !i.openedAt().isBefore(openedFrom)
                && i.alertCount() < maxAlerts
                && impacts.holdsAny(i.id(), componentIds));
  }

  // Recording.

  /** Folds a decision's incident back in and collects its writes. */
  public void record(Decision decision) {
    Incident incident = decision.incident();
    UUID id = incident.id();
    if (!incident.stored() && !incidents.containsKey(id)) {
      created.add(id);
    }
    Incident before = incidents.put(id, incident);
    if (before == null || !sameRow(before, incident)) {
      changed.add(id);
    }
    Map<String, IncidentAlert> loaded = alerts.computeIfAbsent(id, k -> new LinkedHashMap<>());
    for (AlertChange change : incident.alertChanges()) {
      IncidentAlert after = change.after();
      loaded.put(after.fingerprint(), after);
      index(id, after);
      changedAlerts.put(new AlertKey(id, after.fingerprint()), after);
    }
    for (TimelineEntry entry : incident.newTimelineEntries()) {
      timeline.add(new TimelineRow(id, entry));
    }
  }

  /**
   * Keeps the incident's impact segments in line after a recorded decision, looking at the alerts
   * the event changed where that decides it:
   *
   * <ul>
   *   <li>the incident resolved: it holds nothing;
   *   <li>alerts fire on with the same severity and labels: nothing changes;
   *   <li>the incident was just opened: what its alerts hold;
   *   <li>alerts started firing in an incident that was open: merged into what it holds (the worst
   *       over the firing alerts can only grow by what they hold);
   *   <li>otherwise (an alert resolved or changed, the incident reopened): computed afresh from the
   *       firing alerts, all of which the unit holds.
   * </ul>
   */
  public void updateImpacts(Decision decision, List<Component> definitions) {
    Incident incident = decision.incident();
    UUID id = incident.id();
    Instant now = incident.updatedAt();
    if (!incident.isOpen()) {
      impacts.replace(id, Map.of(), now);
      return;
    }
    List<AlertChange> changes = incident.alertChanges();
    if (changes.stream().allMatch(AlertChange::sameImpact)) {
      return;
    }
    if (!incident.stored()) {
      impacts.replace(id, ComponentImpacts.ofAlerts(incident.alerts(), definitions), now);
      return;
    }
    boolean wasOpen = decision.change() != IncidentChange.REOPENED;
    if (wasOpen && changes.stream().allMatch(AlertChange::startedFiring)) {
      impacts.grow(
          id,
          ComponentImpacts.ofAlerts(changes.stream().map(AlertChange::after).toList(), definitions),
          now);
      return;
    }
    impacts.replace(id, ComponentImpacts.ofAlerts(alerts.get(id).values(), definitions), now);
  }

  // What to write.

  /** Incidents opened in this batch, in their final state. */
  public List<Incident> createdIncidents() {
    return created.stream().map(incidents::get).toList();
  }

  /** Stored incidents this batch changed, with the version they were loaded at. */
  public List<StoredRow> changedIncidents() {
    return changed.stream()
        .filter(id -> !created.contains(id))
        .map(id -> new StoredRow(incidents.get(id), versions.get(id)))
        .toList();
  }

  /** Alert rows attached or changed, in their final state. */
  public List<AlertRow> changedAlerts() {
    return changedAlerts.entrySet().stream()
        .map(e -> new AlertRow(e.getKey().incidentId(), e.getValue()))
        .toList();
  }

  /** Timeline entries to append, in the order they were made. */
  public List<TimelineRow> timeline() {
    return List.copyOf(timeline);
  }

  private void index(UUID incidentId, IncidentAlert alert) {
    byFingerprint.computeIfAbsent(alert.fingerprint(), k -> new HashSet<>()).add(incidentId);
    if (alert.groupKey() != null) {
      addAlertGroup(incidentId, alert.groupKey());
    }
  }

  /** Whether the incident row would be written unchanged (an alert re-reported as it was). */
  private static boolean sameRow(Incident a, Incident b) {
    return a.severity() == b.severity()
        && a.status() == b.status()
        && a.labels().equals(b.labels())
        && a.updatedAt().equals(b.updatedAt())
        && Objects.equals(a.resolvedAt(), b.resolvedAt())
        && Objects.equals(a.resolvedBy(), b.resolvedBy())
        && Objects.equals(a.acknowledgedAt(), b.acknowledgedAt())
        && Objects.equals(a.acknowledgedBy(), b.acknowledgedBy())
        && a.alertCounts().equals(b.alertCounts());
  }

  private Incident copy(Incident state, Set<String> joinedGroups) {
    return Incident.restore(
        state.id(),
        state.groupKey(),
        state.title(),
        state.severity(),
        state.status(),
        state.labels(),
        state.openedAt(),
        state.updatedAt(),
        state.resolvedAt(),
        state.resolvedBy(),
        state.acknowledgedAt(),
        state.acknowledgedBy(),
        state.alertCounts(),
        alerts.getOrDefault(state.id(), Map.of()).values(),
        joinedGroups);
  }
}
