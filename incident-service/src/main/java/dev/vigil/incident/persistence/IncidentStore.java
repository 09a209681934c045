package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.AlertChange;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentAlert;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.incident.domain.PageCursor;
import dev.vigil.incident.domain.Postmortem;
import dev.vigil.incident.domain.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads and saves {@link Incident} aggregates (incident, alerts, timeline) through the
 * repositories, so services deal in domain objects only. Callers provide the transaction.
 *
 * <p>The alert path's look-ups load an incident with only the alert an event concerns ({@link
 * Incident#restore}); {@link #find} and the lists load every alert. {@link #save} writes only what
 * changed either way.
 */
@ApplicationScoped
public class IncidentStore {

  private final IncidentRepository incidents;
  private final IncidentAlertRepository alerts;
  private final TimelineEntryRepository timeline;

  public IncidentStore(
      IncidentRepository incidents,
      IncidentAlertRepository alerts,
      TimelineEntryRepository timeline) {
    this.incidents = incidents;
    this.alerts = alerts;
    this.timeline = timeline;
  }

  /** See {@link IncidentRepository#lockGroup}. */
  public void lockGroup(String groupKey) {
    incidents.lockGroup(groupKey);
  }

  /** Locks several groups at once, in a fixed order (see {@link IncidentRepository#lockGroups}). */
  public void lockGroups(List<String> groupKeys) {
    if (!groupKeys.isEmpty()) {
      incidents.lockGroups(groupKeys);
    }
  }

  /** Writes pending changes and forgets loaded rows, so later loads start from a small context. */
  public void flushAndClear() {
    incidents.getEntityManager().flush();
    incidents.getEntityManager().clear();
  }

  /**
   * The open incident alerts of {@code groupKey} go to: the group's own, or the one of another
   * group its alerts joined by component. Loaded with alert {@code fingerprint} only (if attached):
   * what firing it needs.
   */
  public Optional<Incident> findOpenByGroup(String groupKey, String fingerprint) {
    Optional<IncidentEntity> own = incidents.findOpenByGroup(groupKey);
    return own.or(() -> incidents.findOpenJoinedByGroup(groupKey))
        .map(row -> partly(row, fingerprint, Set.of(groupKey)));
  }

  /**
   * See {@link IncidentRepository#findJoinable}; each loaded with its firing alerts (they decide
   * which components it holds) and alert {@code fingerprint} if attached.
   */
  public List<Incident> findJoinable(
      List<String> componentIds, Instant openedFrom, int maxAlerts, int limit, String fingerprint) {
    if (componentIds.isEmpty()) {
      return List.of();
    }
    List<IncidentEntity> rows = incidents.findJoinable(componentIds, openedFrom, maxAlerts, limit);
    Map<UUID, List<IncidentAlert>> loaded =
        alerts.firingOrFingerprint(rows.stream().map(r -> r.id).toList(), fingerprint).stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.id.incidentId(),
                    Collectors.mapping(IncidentAlertEntity::toDomain, Collectors.toList())));
    return rows.stream()
        .map(r -> r.toDomainPartly(loaded.getOrDefault(r.id, List.of()), Set.of()))
        .toList();
  }

  /** The group's last resolved incident, loaded with alert {@code fingerprint} only. */
  public Optional<Incident> findLastResolvedByGroup(String groupKey, String fingerprint) {
    return incidents
        .findLastResolvedByGroup(groupKey)
        .map(row -> partly(row, fingerprint, Set.of(groupKey)));
  }

  /** Open incidents without a firing alert, loaded without alerts (the sweep reloads each). */
  public List<Incident> findOpenWithoutFiringAlerts(int limit) {
    return incidents.findOpenWithoutFiringAlerts(limit).stream()
        .map(row -> row.toDomainPartly(List.of(), Set.of()))
        .toList();
  }

  /** The open incident in which alert {@code fingerprint} fires, loaded with that alert only. */
  public Optional<Incident> findOpenWithFiringAlert(String fingerprint) {
    return incidents
        .findOpenWithFiringAlert(fingerprint)
        .map(row -> partly(row, fingerprint, Set.of()));
  }

  /** The firing alerts of an incident (what its component impacts are computed from). */
  public List<IncidentAlert> firingAlerts(UUID incidentId) {
    return alerts.firingOf(incidentId).stream().map(IncidentAlertEntity::toDomain).toList();
  }

  public Optional<Incident> find(UUID id) {
    return incidents.findByIdOptional(id).map(this::load);
  }

  public List<Incident> list(IncidentFilter filter, int limit) {
    return withAlerts(incidents.list(filter, limit));
  }

  public List<Incident> list(IncidentFilter filter, int limit, PageCursor cursor) {
    return withAlerts(incidents.list(filter, limit, cursor));
  }

  /** Incidents opened in {@code [from, to)}, at most {@code limit}, oldest first. */
  public List<Incident> openedBetween(Instant from, Instant to, int limit) {
    return withAlerts(incidents.openedBetween(from, to, limit));
  }

  /** Incidents that affected a component, newest first. */
  public List<Incident> listPublic(IncidentFilter filter, int limit) {
    return withAlerts(incidents.listPublic(filter, limit));
  }

  private List<Incident> withAlerts(List<IncidentEntity> rows) {
    Map<UUID, List<IncidentAlert>> alertsById =
        alerts.listByIncidents(rows.stream().map(r -> r.id).toList()).stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.id.incidentId(),
                    Collectors.mapping(IncidentAlertEntity::toDomain, Collectors.toList())));
    return rows.stream().map(r -> r.toDomain(alertsById.getOrDefault(r.id, List.of()))).toList();
  }

  public List<TimelineEntry> timeline(UUID incidentId) {
    return timeline.listByIncident(incidentId).stream().map(TimelineEntryEntity::toDomain).toList();
  }

  @SuppressWarnings("unchecked")
  public Optional<Postmortem> postmortem(UUID id) {
    IncidentEntity row = incidents.findById(id);
    if (row == null || row.postmortem == null) {
      return Optional.empty();
    }
    Map<String, Object> m = row.postmortem;
    return Optional.of(
        new Postmortem(
            (String) m.get("impact"),
            (String) m.get("rootCause"),
            (List<String>) m.get("followUps"),
            (String) m.get("updatedBy"),
            m.get("updatedAt") == null ? null : Instant.parse((String) m.get("updatedAt"))));
  }

  public void savePostmortem(UUID id, Postmortem p) {
    Map<String, Object> m = new HashMap<>();
    m.put("impact", p.impact());
    m.put("rootCause", p.rootCause());
    m.put("followUps", p.followUps());
    m.put("updatedBy", p.updatedBy());
    m.put("updatedAt", p.updatedAt().toString());
    incidents.findById(id).postmortem = m;
  }

  /**
   * Inserts or updates the incident, writes the alerts that changed since it was loaded (only
   * those: the others were not even loaded on the alert path) and appends its new timeline entries.
   */
  public void save(Incident incident) {
    IncidentEntity row = incident.stored() ? incidents.findById(incident.id()) : null;
    if (row == null) {
      row = new IncidentEntity();
      row.copyFrom(incident);
      incidents.persist(row);
    } else {
      row.copyFrom(incident);
    }
    for (AlertChange change : incident.alertChanges()) {
      IncidentAlert alert = change.after();
      IncidentAlertEntity alertRow =
          change.before() == null
              ? null
              : alerts.findById(new IncidentAlertEntity.Key(incident.id(), alert.fingerprint()));
      if (alertRow == null) {
        alertRow = new IncidentAlertEntity();
        alertRow.copyFrom(incident.id(), alert);
        alerts.persist(alertRow);
      } else {
        alertRow.copyFrom(incident.id(), alert);
      }
    }
    for (TimelineEntry entry : incident.newTimelineEntries()) {
      timeline.persist(TimelineEntryEntity.of(incident.id(), entry));
    }
  }

  private Incident partly(IncidentEntity row, String fingerprint, Set<String> joinedGroups) {
    IncidentAlertEntity alert = alerts.findById(new IncidentAlertEntity.Key(row.id, fingerprint));
    return row.toDomainPartly(alert == null ? List.of() : List.of(alert.toDomain()), joinedGroups);
  }

  private Incident load(IncidentEntity row) {
    return row.toDomain(
        alerts.listByIncidents(List.of(row.id)).stream()
            .map(IncidentAlertEntity::toDomain)
            .toList());
  }
}
