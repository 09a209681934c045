package dev.vigil.incident.service;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.Postmortem;
import dev.vigil.incident.domain.TimelineEntry;
import java.util.List;

/**
 * An incident with its alerts (inside {@code incident}), its whole timeline (oldest first) and its
 * post-incident review ({@code null} until written).
 */
public record IncidentDetails(
    Incident incident,
    List<TimelineEntry> timeline,
    Postmortem postmortem,
    EscalationView escalation) {

  public IncidentDetails {
    timeline = List.copyOf(timeline);
  }

  /** Without escalation ({@code escalation} is {@code null} until a chain started). */
  public IncidentDetails(Incident incident, List<TimelineEntry> timeline, Postmortem postmortem) {
    this(incident, timeline, postmortem, null);
  }
}
