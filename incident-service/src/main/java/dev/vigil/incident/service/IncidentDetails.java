package dev.vigil.incident.service;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.TimelineEntry;
import java.util.List;

/** An incident with its alerts (inside {@code incident}) and its whole timeline, oldest first. */
public record IncidentDetails(Incident incident, List<TimelineEntry> timeline) {

  public IncidentDetails {
    timeline = List.copyOf(timeline);
  }
}
