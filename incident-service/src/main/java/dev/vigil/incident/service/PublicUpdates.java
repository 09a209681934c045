package dev.vigil.incident.service;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.publish.PublicStatus;
import dev.vigil.incident.domain.publish.PublicUpdate;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.incident.persistence.PublicUpdateRepository;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Responders' words to customers. An update is published at once or kept as a draft to publish
 * later; either way the timeline records who did it and {@code IncidentUpdated(PUBLIC_UPDATE)} is
 * announced.
 */
@ApplicationScoped
public class PublicUpdates {

  private final PublicUpdateRepository updates;
  private final IncidentStore store;
  private final IncidentCorrelator correlator;
  private final IncidentService incidents;
  private final Clock clock;

  public PublicUpdates(
      PublicUpdateRepository updates,
      IncidentStore store,
      IncidentCorrelator correlator,
      IncidentService incidents,
      Clock clock) {
    this.updates = updates;
    this.store = store;
    this.correlator = correlator;
    this.incidents = incidents;
    this.clock = clock;
  }

  @Transactional
  public PublicUpdate post(
      UUID incidentId,
      String actor,
      PublicStatus status,
      String title,
      String body,
      boolean publish) {
    Incident incident = locked(incidentId);
    Instant now = clock.instant();
    PublicUpdate update =
        new PublicUpdate(
            UUID.randomUUID(),
            incidentId,
            status,
            title,
            body,
            actor,
            now,
            publish ? actor : null,
            publish ? now : null);
    updates.save(update);
    String message =
        (publish ? "Public update published (" : "Draft public update (")
            + status.apiName()
            + "): "
            + body;
    incidents.record(correlator.publicUpdate(incident, actor, message));
    return update;
  }

  @Transactional
  public PublicUpdate publish(UUID incidentId, UUID updateId, String actor) {
    Incident incident = locked(incidentId);
    PublicUpdate draft =
        updates
            .find(updateId)
            .filter(u -> u.incidentId().equals(incidentId))
            .orElseThrow(() -> ProblemException.notFound("public update", updateId.toString()));
    if (draft.published()) {
      throw new ProblemException(
          409, "Already published", "update " + updateId + " is already published", List.of());
    }
    PublicUpdate published = draft.publish(actor, clock.instant());
    updates.save(published);
    incidents.record(
        correlator.publicUpdate(
            incident, actor, "Public update published (" + draft.status().apiName() + ")"));
    return published;
  }

  @Transactional
  public List<PublicUpdate> ofIncident(UUID incidentId) {
    return updates.ofIncident(incidentId);
  }

  private Incident locked(UUID id) {
    Incident unlocked =
        store.find(id).orElseThrow(() -> ProblemException.notFound("incident", id.toString()));
    store.lockGroup(unlocked.groupKey());
    return store.find(id).orElseThrow();
  }
}
