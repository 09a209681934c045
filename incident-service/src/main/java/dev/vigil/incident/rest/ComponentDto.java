package dev.vigil.incident.rest;

import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.service.ComponentView;
import java.util.LinkedHashMap;
import java.util.Map;

/** A component with its current status, as the operator API shows it. */
public record ComponentDto(
    String id,
    String name,
    String description,
    int position,
    Map<String, String> match,
    Map<String, String> impact,
    String status) {

  static ComponentDto of(ComponentView view) {
    Component c = view.component();
    Map<String, String> impact = new LinkedHashMap<>();
    c.impact().forEach((severity, status) -> impact.put(severity.name(), status.apiName()));
    return new ComponentDto(
        c.id(),
        c.name(),
        c.description(),
        c.position(),
        c.match(),
        impact,
        view.status().apiName());
  }
}
