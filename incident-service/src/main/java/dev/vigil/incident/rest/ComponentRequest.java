package dev.vigil.incident.rest;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.platform.problem.ProblemException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/components/{id}}.
 *
 * @param name shown on the status page (required)
 * @param description optional
 * @param position order on the page, default 0
 * @param match label pairs an alert must carry to affect the component (required, non-empty)
 * @param impact severity ({@code CRITICAL}, {@code WARNING}, {@code INFO}) to status ({@code
 *     major_outage}, {@code partial_outage}, {@code degraded_performance}, {@code operational});
 *     omitted severities keep the defaults
 */
public record ComponentRequest(
    String name,
    String description,
    Integer position,
    Map<String, String> match,
    Map<String, String> impact) {

  /**
   * The component this request defines, checked (the operator console builds its forms into a
   * request too, so both check alike).
   *
   * @throws ProblemException 400 naming the field at fault
   */
  public Component toComponent(String id) {
    if (id == null || !Component.ID.matcher(id).matches()) {
      throw ProblemException.invalidField(
          "id", "must be 1-100 lower-case letters, digits, '.', '_' or '-'");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ProblemException.invalidField("name", "must be 1 to 200 characters");
    }
    if (description != null && description.length() > 2000) {
      throw ProblemException.invalidField("description", "must be at most 2000 characters");
    }
    if (match == null || match.isEmpty()) {
      throw ProblemException.invalidField(
          "match", "must name at least one label pair, e.g. {\"chain\": \"base-mainnet\"}");
    }
    match.forEach(
        (label, value) -> {
          if (label == null || label.isBlank() || value == null || value.isBlank()) {
            throw ProblemException.invalidField("match." + label, "must be a non-blank value");
          }
        });
    Map<Severity, ComponentStatus> impacts = new EnumMap<>(Component.defaultImpact());
    if (impact != null) {
      impact.forEach(
          (severity, status) -> impacts.put(severity(severity), status(severity, status)));
    }
    return new Component(
        id, name.strip(), description, position == null ? 0 : position, match, impacts);
  }

  private static Severity severity(String value) {
    try {
      return Severity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("impact." + value, "must be CRITICAL, WARNING or INFO");
    }
  }

  private static ComponentStatus status(String severity, String value) {
    for (ComponentStatus status : ComponentStatus.values()) {
      if (status != ComponentStatus.UNDER_MAINTENANCE
          && (status.apiName().equalsIgnoreCase(value) || status.name().equalsIgnoreCase(value))) {
        return status;
      }
    }
    throw ProblemException.invalidField(
        "impact." + severity,
        "must be major_outage, partial_outage, degraded_performance or operational");
  }
}
