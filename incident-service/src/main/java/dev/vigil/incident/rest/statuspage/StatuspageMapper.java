package dev.vigil.incident.rest.statuspage;

import dev.vigil.incident.config.StatusPageConfig;
import dev.vigil.incident.domain.component.ImpactSegment;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.publish.PublicWording;
import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.incident.service.ComponentView;
import dev.vigil.incident.service.StatusPageService.PublicIncident;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps Vigil's view of the page to Statuspage's shapes. Public incident names are generic ("API
 * disruption"): alert titles can name internal hosts, and they are not the words an operator chose
 * for customers.
 */
@ApplicationScoped
public class StatuspageMapper {

  private final StatusPageConfig config;

  public StatuspageMapper(StatusPageConfig config) {
    this.config = config;
  }

  StatuspageJson.Page page(Instant updatedAt) {
    return new StatuspageJson.Page(
        config.id(),
        config.name(),
        config.url().orElse(null),
        config.timeZone().getId(),
        updatedAt);
  }

  StatuspageJson.Component component(ComponentView view) {
    var c = view.component();
    return new StatuspageJson.Component(
        c.id(),
        c.name(),
        view.status().apiName(),
        null,
        null,
        c.position(),
        c.description().isEmpty() ? null : c.description(),
        true,
        null,
        null,
        config.id(),
        false,
        false);
  }

  StatuspageJson.Incident incident(PublicIncident pub, Map<String, ComponentView> components) {
    var incident = pub.incident();
    Set<String> ids = new LinkedHashSet<>();
    ComponentStatus worst = ComponentStatus.OPERATIONAL;
    for (ImpactSegment segment : pub.impacts()) {
      ids.add(segment.componentId());
      worst = worst.worst(segment.impact().status());
    }
    List<StatuspageJson.Component> affected =
        ids.stream().map(components::get).filter(Objects::nonNull).map(this::component).toList();
    String names =
        affected.isEmpty()
            ? "Service"
            : affected.stream()
                .map(StatuspageJson.Component::name)
                .collect(Collectors.joining(", "));
    PublicWording words = PublicWording.of(incident.status(), names, pub.updates());
    String status = words.status().apiName();
    String name = words.name();
    List<StatuspageJson.IncidentUpdate> updates;
    if (pub.updates().isEmpty()) {
      updates =
          List.of(
              new StatuspageJson.IncidentUpdate(
                  incident.id() + "-" + status,
                  status,
                  words.body(),
                  incident.id().toString(),
                  incident.updatedAt(),
                  incident.updatedAt(),
                  incident.updatedAt(),
                  List.of(),
                  false,
                  null,
                  null));
    } else {
      updates =
          pub.updates().stream()
              .map(
                  u ->
                      new StatuspageJson.IncidentUpdate(
                          u.id().toString(),
                          u.status().apiName(),
                          u.body(),
                          incident.id().toString(),
                          u.publishedAt(),
                          u.publishedAt(),
                          u.publishedAt(),
                          List.of(),
                          false,
                          null,
                          null))
              .toList();
    }
    return new StatuspageJson.Incident(
        incident.id().toString(),
        name,
        status,
        incident.openedAt(),
        incident.updatedAt(),
        null,
        incident.resolvedAt(),
        impact(worst),
        null,
        incident.openedAt(),
        config.id(),
        updates,
        affected);
  }

  StatuspageJson.ScheduledMaintenance maintenance(
      Maintenance m, Instant now, Map<String, ComponentView> components) {
    List<StatuspageJson.Component> affected =
        m.components().stream()
            .map(components::get)
            .filter(Objects::nonNull)
            .map(this::component)
            .toList();
    return new StatuspageJson.ScheduledMaintenance(
        m.id().toString(),
        m.title(),
        m.statusAt(now),
        m.createdAt(),
        m.createdAt(),
        null,
        m.endsAt().isAfter(now) ? null : m.endsAt(),
        "maintenance",
        null,
        m.startsAt(),
        config.id(),
        List.of(),
        affected,
        m.startsAt(),
        m.endsAt());
  }

  static Map<String, ComponentView> byId(List<ComponentView> views) {
    return views.stream().collect(Collectors.toMap(v -> v.component().id(), Function.identity()));
  }

  /** Statuspage's incident impact from the worst status the incident caused. */
  static String impact(ComponentStatus worst) {
    return switch (worst) {
      case MAJOR_OUTAGE -> "critical";
      case PARTIAL_OUTAGE -> "major";
      case DEGRADED_PERFORMANCE -> "minor";
      case OPERATIONAL, UNDER_MAINTENANCE -> "none";
    };
  }
}
