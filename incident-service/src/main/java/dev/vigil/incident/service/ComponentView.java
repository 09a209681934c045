package dev.vigil.incident.service;

import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.sla.ComponentStatus;

/** A component with its current status. */
public record ComponentView(Component component, ComponentStatus status) {}
