package dev.vigil.incident.service;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.incident.domain.PageCursor;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Read side of incidents for the REST API. */
@ApplicationScoped
public class IncidentQueries {

  private final IncidentStore store;
  private final EscalationService escalations;

  public IncidentQueries(IncidentStore store, EscalationService escalations) {
    this.store = store;
    this.escalations = escalations;
  }

  /** Incidents newest first. */
  @Transactional
  public List<Incident> list(IncidentFilter filter, int limit) {
    return store.list(filter, limit);
  }

  /** The page after {@code cursor}; {@code null} for the first page. */
  @Transactional
  public List<Incident> list(IncidentFilter filter, int limit, PageCursor cursor) {
    return store.list(filter, limit, cursor);
  }

  /**
   * One incident with its alerts and timeline.
   *
   * @throws ProblemException 404 when there is no such incident
   */
  @Transactional
  public IncidentDetails get(UUID id) {
    Incident incident =
        store.find(id).orElseThrow(() -> ProblemException.notFound("incident", id.toString()));
    return new IncidentDetails(
        incident,
        store.timeline(id),
        store.postmortem(id).orElse(null),
        escalations.view(id).orElse(null));
  }
}
