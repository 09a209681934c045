package dev.vigil.incident.persistence;

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
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads and saves {@link Incident} aggregates (incident, alerts, timeline) through the
 * repositories, so services deal in domain objects only. Callers provide the transaction.
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
   * group its alerts joined by component.
   */
  public Optional<Incident> findOpenByGroup(String groupKey) {
    Optional<IncidentEntity> own = incidents.findOpenByGroup(groupKey);
    return own.or(() -> incidents.findOpenJoinedByGroup(groupKey)).map(this::load);
  }

  /** See {@link IncidentRepository#findJoinable}. */
  public List<Incident> findJoinable(
      List<String> componentIds, Instant openedFrom, int maxAlerts, int limit) {
    if (componentIds.isEmpty()) {
      return List.of();
    }
    return withAlerts(incidents.findJoinable(componentIds, openedFrom, maxAlerts, limit));
  }

  public Optional<Incident> findLastResolvedByGroup(String groupKey) {
    return incidents.findLastResolvedByGroup(groupKey).map(this::load);
  }

  public List<Incident> findOpenWithoutFiringAlerts(int limit) {
    return incidents.findOpenWithoutFiringAlerts(limit).stream().map(this::load).toList();
  }

  public Optional<Incident> findOpenWithFiringAlert(String fingerprint) {
    return incidents.findOpenWithFiringAlert(fingerprint).map(this::load);
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

  /** Inserts or updates the incident and its alerts, and appends its new timeline entries. */
  public void save(Incident incident) {
    IncidentEntity row = incidents.findById(incident.id());
    boolean created = row == null;
    if (created) {
      row = new IncidentEntity();
      row.copyFrom(incident);
      incidents.persist(row);
    } else {
      row.copyFrom(incident);
    }
    for (IncidentAlert alert : incident.alerts()) {
      IncidentAlertEntity.Key key = new IncidentAlertEntity.Key(incident.id(), alert.fingerprint());
      // A new incident has no stored alerts: no point asking the database for each.
      IncidentAlertEntity alertRow = created ? null : alerts.findById(key);
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

  private Incident load(IncidentEntity row) {
    return row.toDomain(
        alerts.listByIncidents(List.of(row.id)).stream()
            .map(IncidentAlertEntity::toDomain)
            .toList());
  }
}
