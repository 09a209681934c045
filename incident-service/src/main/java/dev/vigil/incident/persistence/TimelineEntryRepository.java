package dev.vigil.incident.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries over {@code timeline_entry}. */
@ApplicationScoped
public class TimelineEntryRepository implements PanacheRepository<TimelineEntryEntity> {

  public List<TimelineEntryEntity> listByIncident(UUID incidentId) {
    return list("incidentId", Sort.ascending("id"), incidentId);
  }
}
