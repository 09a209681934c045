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
 * <p>Responders' commands, the sweeps and REST use this store; {@link #find} and the lists load
 * every alert, {@link #save} writes only what changed. The alert intake reads and writes whole
 * batches through {@link IntakeReads} and {@link IntakeWrites} instead.
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

  /** Open incidents without a firing alert, loaded without alerts (the sweep reloads each). */
  public List<Incident> findOpenWithoutFiringAlerts(int limit) {
    return incidents.findOpenWithoutFiringAlerts(limit).stream()
        .map(row -> row.toDomainPartly(List.of(), Set.of()))
        .toList();
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

  private Incident load(IncidentEntity row) {
    return row.toDomain(
        alerts.listByIncidents(List.of(row.id)).stream()
            .map(IncidentAlertEntity::toDomain)
            .toList());
  }
}
