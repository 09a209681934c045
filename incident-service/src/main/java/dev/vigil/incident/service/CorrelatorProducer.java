package dev.vigil.incident.service;

import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.ResolutionPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/** Wires the plain-Java correlator with the injected clock. */
public class CorrelatorProducer {

  @Produces
  @Singleton
  IncidentCorrelator correlator(Clock clock) {
    // The quiet period of a later issue replaces IMMEDIATE here.
    return new IncidentCorrelator(clock, UUID::randomUUID, ResolutionPolicy.IMMEDIATE);
  }
}
