package dev.vigil.incident.service;

import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.Postmortem;
import dev.vigil.incident.persistence.IncidentStore;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What responders do to an incident. Each command is one transaction: the change, its timeline
 * entry and the announced event commit together. The group lock serialises commands with the alert
 * consumer, so a responder's resolve and an alert firing cannot interleave.
 */
@ApplicationScoped
public class IncidentCommands {

  private final IncidentStore store;
  private final IncidentCorrelator correlator;
  private final IncidentService incidents;
  private final Clock clock;

  public IncidentCommands(
      IncidentStore store, IncidentCorrelator correlator, IncidentService incidents, Clock clock) {
    this.store = store;
    this.correlator = correlator;
    this.incidents = incidents;
    this.clock = clock;
  }

  @Transactional
  public Incident acknowledge(UUID id, String actor) {
    return apply(id, false, incident -> correlator.acknowledge(incident, actor));
  }

  /**
   * @throws dev.vigil.incident.domain.StillFiringException if alerts fire and not {@code force}
   */
  @Transactional
  public Incident resolve(UUID id, String actor, boolean force, String comment) {
    return apply(id, false, incident -> correlator.resolve(incident, actor, force, comment));
  }

  /** Notes are welcome after resolution too: post-incident findings belong on the timeline. */
  @Transactional
  public Incident addNote(UUID id, String actor, String text) {
    return apply(id, true, incident -> correlator.addNote(incident, actor, text));
  }

  /** Writes the post-incident review (open or resolved incidents alike). */
  @Transactional
  public Postmortem writePostmortem(
      UUID id, String actor, String impact, String rootCause, List<String> followUps) {
    Postmortem postmortem = new Postmortem(impact, rootCause, followUps, actor, clock.instant());
    apply(id, true, incident -> correlator.postmortem(incident, actor));
    store.savePostmortem(id, postmortem);
    return postmortem;
  }

  private Incident apply(UUID id, boolean resolvedToo, Function<Incident, Decision> command) {
    Incident unlocked =
        store.find(id).orElseThrow(() -> ProblemException.notFound("incident", id.toString()));
    store.lockGroup(unlocked.groupKey());
    // Read again under the lock: the consumer may have changed it meanwhile.
    Incident incident = store.find(id).orElseThrow();
    if (!incident.isOpen() && !resolvedToo) {
      throw new ProblemException(
          409,
          "Incident resolved",
          "incident " + id + " is resolved; it cannot be changed",
          List.of());
    }
    incidents.record(command.apply(incident));
    return incident;
  }
}
