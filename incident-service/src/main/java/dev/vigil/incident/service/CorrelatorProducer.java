package dev.vigil.incident.service;

import dev.vigil.incident.config.IncidentConfig;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.ResolutionPolicy;
import dev.vigil.incident.domain.component.ComponentCorrelation;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/** Wires the plain-Java correlator with the injected clock. */
public class CorrelatorProducer {

  @Produces
  @Singleton
  IncidentCorrelator correlator(Clock clock, IncidentConfig config) {
    return new IncidentCorrelator(
        clock,
        UUID::randomUUID,
        ResolutionPolicy.quietFor(config.quietPeriod()),
        config.reopenWindow(),
        config.correlateByComponent()
            ? new ComponentCorrelation(config.correlationWindow(), config.correlationMaxAlerts())
            : ComponentCorrelation.off());
  }
}
