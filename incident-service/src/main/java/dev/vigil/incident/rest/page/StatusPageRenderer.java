package dev.vigil.incident.rest.page;

import dev.vigil.incident.config.StatusPageConfig;
import dev.vigil.incident.domain.component.ImpactSegment;
import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.domain.publish.PublicWording;
import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.incident.domain.sla.Uptime;
import dev.vigil.incident.service.ComponentView;
import dev.vigil.incident.service.PerView;
import dev.vigil.incident.service.PublicPage;
import dev.vigil.incident.service.StatusPageService;
import dev.vigil.incident.service.StatusPageService.PublicIncident;
import dev.vigil.incident.service.UptimeService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the HTML page's view from the status page snapshot and the uptime figures. */
@ApplicationScoped
public class StatusPageRenderer {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

  private final PublicPage pages;
  private final UptimeService uptime;
  private final StatusPageConfig config;
  private final PerView<String> html =
      new PerView<>(page -> StatusPageResource.Templates.page(view(page)).render());
  private final PerView<String> atom =
      new PerView<>(page -> StatusPageResource.Templates.feed(feed(page)).render());

  public StatusPageRenderer(PublicPage pages, UptimeService uptime, StatusPageConfig config) {
    this.pages = pages;
    this.uptime = uptime;
    this.config = config;
  }

  /** The page's HTML, rendered once per public page view (see {@link PerView}). */
  public String html() {
    return html.of(pages.get());
  }

  /** The Atom feed, rendered once per public page view. */
  public String atom() {
    return atom.of(pages.get());
  }

  StatusPageView view(PublicPage.View page) {
    StatusPageService.Snapshot s = page.snapshot();
    Map<String, ComponentView> byId =
        s.components().stream()
            .collect(Collectors.toMap(v -> v.component().id(), Function.identity()));
    return new StatusPageView(
        config.name(),
        s.status().indicator(),
        s.status().description(),
        s.components().stream().map(v -> row(v, page.uptime())).toList(),
        s.unresolved().stream().map(i -> incident(i, byId)).toList(),
        s.maintenances().stream().map(m -> maintenance(m, s.at(), byId)).toList(),
        s.at().toString(),
        config.uptimeDays());
  }

  /** The Atom feed: the most recent public incidents. */
  FeedView feed(PublicPage.View page) {
    StatusPageService.Snapshot s = page.snapshot();
    Map<String, ComponentView> byId =
        s.components().stream()
            .collect(Collectors.toMap(v -> v.component().id(), Function.identity()));
    List<FeedView.Entry> entries =
        page.recent().stream()
            .map(
                pub -> {
                  StatusPageView.IncidentRow row = incident(pub, byId);
                  String summary =
                      pub.incident().resolvedAt() == null
                          ? row.status() + ": " + row.body()
                          : "Resolved: the problem affecting "
                              + row.components()
                              + " has been resolved.";
                  return new FeedView.Entry(
                      "urn:uuid:" + pub.incident().id(),
                      row.name(),
                      pub.incident().openedAt().toString(),
                      pub.incident().updatedAt().toString(),
                      summary);
                })
            .toList();
    String updated = entries.isEmpty() ? s.at().toString() : entries.get(0).updated();
    String link = config.url().orElse("") + "/status";
    return new FeedView(config.name(), "urn:vigil:status:" + config.id(), link, updated, entries);
  }

  private StatusPageView.ComponentRow row(
      ComponentView view, Map<String, UptimeService.DailyUptime> computed) {
    UptimeService.DailyUptime daily = computed.get(view.component().id());
    if (daily == null) {
      daily = uptime.daily(view.component().id(), config.uptimeDays());
    }
    List<StatusPageView.Bar> bars =
        daily.days().stream()
            .map(
                day ->
                    new StatusPageView.Bar(
                        cssClass(day.worst()),
                        DAY.format(day.period().start().atZone(config.timeZone()))
                            + ": "
                            + percent(day)
                            + (day.worst() == ComponentStatus.OPERATIONAL
                                ? ""
                                : ", " + label(day.worst()))))
            .toList();
    return new StatusPageView.ComponentRow(
        view.component().name(),
        view.component().description(),
        cssClass(view.status()),
        label(view.status()),
        percent(daily.total()),
        bars);
  }

  private StatusPageView.IncidentRow incident(PublicIncident pub, Map<String, ComponentView> byId) {
    Set<String> names = new LinkedHashSet<>();
    ComponentStatus worst = ComponentStatus.OPERATIONAL;
    for (ImpactSegment segment : pub.impacts()) {
      ComponentView v = byId.get(segment.componentId());
      if (v != null) {
        names.add(v.component().name());
      }
      worst = worst.worst(segment.impact().status());
    }
    String components = names.isEmpty() ? "Service" : String.join(", ", names);
    PublicWording words = PublicWording.of(pub.incident().status(), components, pub.updates());
    String stage = words.status().apiName();
    String status = stage.substring(0, 1).toUpperCase(Locale.ROOT) + stage.substring(1);
    String name = words.name();
    String body = words.body();
    return new StatusPageView.IncidentRow(
        name, status, cssClass(worst), body, when(pub.incident().openedAt()), components);
  }

  private StatusPageView.MaintenanceRow maintenance(
      Maintenance m, Instant now, Map<String, ComponentView> byId) {
    String components =
        m.components().stream()
            .map(byId::get)
            .filter(Objects::nonNull)
            .map(v -> v.component().name())
            .collect(Collectors.joining(", "));
    String status = m.activeAt(now) ? "In progress" : "Scheduled";
    return new StatusPageView.MaintenanceRow(
        m.title(), status, when(m.startsAt()) + " – " + when(m.endsAt()), components);
  }

  private String when(Instant at) {
    ZonedDateTime zoned = at.atZone(config.timeZone());
    return WHEN.format(zoned);
  }

  private static String percent(Uptime u) {
    return String.format(Locale.ROOT, "%.2f%%", Math.floor(u.percent() * 100) / 100);
  }

  static String cssClass(ComponentStatus status) {
    return status.apiName().replace('_', '-');
  }

  static String label(ComponentStatus status) {
    return switch (status) {
      case OPERATIONAL -> "Operational";
      case UNDER_MAINTENANCE -> "Under maintenance";
      case DEGRADED_PERFORMANCE -> "Degraded performance";
      case PARTIAL_OUTAGE -> "Partial outage";
      case MAJOR_OUTAGE -> "Major outage";
    };
  }
}
