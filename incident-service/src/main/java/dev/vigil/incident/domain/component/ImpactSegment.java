package dev.vigil.incident.domain.component;

import dev.vigil.incident.domain.sla.Impact;

/** One stretch of an incident's impact on one component. */
public record ImpactSegment(String componentId, Impact impact) {}
