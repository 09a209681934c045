package dev.vigil.incident.service;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentSearch;
import dev.vigil.incident.domain.PageCursor;
import dev.vigil.incident.persistence.IncidentSearchStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Filtered incident listings for the operator console. */
@ApplicationScoped
public class IncidentSearchService {

  private final IncidentSearchStore store;

  public IncidentSearchService(IncidentSearchStore store) {
    this.store = store;
  }

  /** One page, newest first; {@code cursor} null for the first page. */
  @Transactional
  public List<Incident> search(IncidentSearch search, int limit, PageCursor cursor) {
    return store.search(search, limit, cursor);
  }
}
