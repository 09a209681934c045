package dev.vigil.incident.persistence;

import dev.vigil.events.IncidentStatus;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentAlert;
import dev.vigil.incident.domain.IncidentSearch;
import dev.vigil.incident.domain.PageCursor;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Filtered, keyset-paginated incident listings for operators (state, severity, component). Kept
 * apart from {@link IncidentStore}, whose fixed queries serve the alert pipeline. Callers provide
 * the transaction.
 */
@ApplicationScoped
public class IncidentSearchStore {

  private final IncidentRepository incidents;
  private final IncidentAlertRepository alerts;

  public IncidentSearchStore(IncidentRepository incidents, IncidentAlertRepository alerts) {
    this.incidents = incidents;
    this.alerts = alerts;
  }

  /** Incidents matching {@code search}, newest first, after {@code cursor} (null: from the top). */
  public List<Incident> search(IncidentSearch search, int limit, PageCursor cursor) {
    StringBuilder query = new StringBuilder("select i from IncidentEntity i where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    switch (search.state()) {
      case OPEN -> {
        query.append(" and i.status <> :resolved");
        params.put("resolved", IncidentStatus.RESOLVED);
      }
      case RESOLVED -> {
        query.append(" and i.status = :resolved");
        params.put("resolved", IncidentStatus.RESOLVED);
      }
      case ALL -> {
        // no state condition
      }
    }
    if (search.severity() != null) {
      query.append(" and i.severity = :severity");
      params.put("severity", search.severity());
    }
    if (search.component() != null) {
      query.append(
          " and exists (select 1 from ComponentImpactEntity c"
              + " where c.incidentId = i.id and c.componentId = :component)");
      params.put("component", search.component());
    }
    if (cursor != null) {
      query.append(" and (i.openedAt < :at or (i.openedAt = :at and i.id < :id))");
      params.put("at", cursor.openedAt());
      params.put("id", cursor.id());
    }
    query.append(" order by i.openedAt desc, i.id desc");
    List<IncidentEntity> rows =
        incidents.find(query.toString(), params).page(Page.ofSize(limit)).list();
    Map<UUID, List<IncidentAlert>> alertsById =
        alerts.listByIncidents(rows.stream().map(r -> r.id).toList()).stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.id.incidentId(),
                    Collectors.mapping(IncidentAlertEntity::toDomain, Collectors.toList())));
    return rows.stream().map(r -> r.toDomain(alertsById.getOrDefault(r.id, List.of()))).toList();
  }
}
