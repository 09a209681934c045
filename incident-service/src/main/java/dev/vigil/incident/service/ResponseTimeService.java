package dev.vigil.incident.service;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.ResponseTimes;
import dev.vigil.incident.domain.component.ImpactSegment;
import dev.vigil.incident.persistence.ComponentStore;
import dev.vigil.incident.persistence.IncidentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** MTTA and MTTR over the incidents opened in a window. */
@ApplicationScoped
public class ResponseTimeService {

  /** Beyond this many incidents in one window the figures are computed over the first ones. */
  public static final int MAX_INCIDENTS = 20_000;

  private final IncidentStore incidents;
  private final ComponentStore components;

  public ResponseTimeService(IncidentStore incidents, ComponentStore components) {
    this.incidents = incidents;
    this.components = components;
  }

  @Transactional
  public List<ResponseTimes.Row> between(Instant from, Instant to) {
    List<Incident> opened = incidents.openedBetween(from, to, MAX_INCIDENTS);
    Map<UUID, List<ImpactSegment>> impacts =
        components.impactsOfIncidents(opened.stream().map(Incident::id).toList());
    List<ResponseTimes.Sample> samples = new ArrayList<>();
    for (Incident i : opened) {
      Set<String> affected = new LinkedHashSet<>();
      impacts.getOrDefault(i.id(), List.of()).forEach(s -> affected.add(s.componentId()));
      if (affected.isEmpty()) {
        affected.add("-");
      }
      for (String component : affected) {
        samples.add(
            new ResponseTimes.Sample(
                component, i.severity(), i.openedAt(), i.acknowledgedAt(), i.resolvedAt()));
      }
    }
    return ResponseTimes.summarize(samples);
  }
}
