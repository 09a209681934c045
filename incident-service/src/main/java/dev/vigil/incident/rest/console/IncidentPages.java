package dev.vigil.incident.rest.console;

import dev.vigil.incident.config.StatusPageConfig;
import dev.vigil.incident.domain.AlertStatus;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.publish.PublicStatus;
import dev.vigil.incident.domain.publish.PublicUpdate;
import dev.vigil.incident.service.IncidentDetails;
import dev.vigil.incident.service.IncidentQueries;
import dev.vigil.incident.service.PublicUpdates;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders an incident's console page, for the page itself and for actions whose form was refused
 * (so the page comes back with the message beside the form and what was typed still in it).
 */
@ApplicationScoped
public class IncidentPages {

  private static final Map<String, String> NOTICES =
      Map.of(
          "acknowledged", "Incident acknowledged.",
          "resolved", "Incident resolved.",
          "note", "Note added to the timeline.",
          "update", "Public update saved.",
          "published", "Public update published.");

  private final IncidentQueries queries;
  private final PublicUpdates updates;
  private final StatusPageConfig statusPage;

  public IncidentPages(
      IncidentQueries queries, PublicUpdates updates, StatusPageConfig statusPage) {
    this.queries = queries;
    this.updates = updates;
    this.statusPage = statusPage;
  }

  TemplateInstance page(UUID id, Operator operator, String done) {
    return ConsoleViews.incident(
        view(id, operator, done == null ? null : NOTICES.get(done), null, Map.of()));
  }

  /** The page again, answered with the error's status, the form's input kept. */
  Response refused(UUID id, Operator operator, FormError error, Map<String, String> values) {
    return Response.status(error.status())
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(ConsoleViews.incident(view(id, operator, null, error, values)))
        .build();
  }

  private IncidentPageView view(
      UUID id, Operator operator, String notice, FormError error, Map<String, String> values) {
    IncidentDetails details = queries.get(id);
    Incident i = details.incident();
    List<IncidentPageView.Alert> alerts =
        i.alerts().stream()
            .map(
                a ->
                    new IncidentPageView.Alert(
                        a.displayName(),
                        a.fingerprint(),
                        lower(a.severity().name()),
                        a.status() == AlertStatus.FIRING ? "firing" : "resolved",
                        a.summary() == null ? "" : a.summary()))
            .toList();
    List<IncidentPageView.Update> published =
        updates.ofIncident(id).stream().map(IncidentPages::update).toList();
    List<IncidentPageView.Entry> timeline =
        details.timeline().stream()
            .map(
                e ->
                    new IncidentPageView.Entry(
                        Times.show(e.at()),
                        lower(e.kind().name()).replace('_', ' '),
                        e.actor(),
                        e.message()))
            .toList();
    String chosen = values.getOrDefault("status", "investigating");
    List<Option> statuses =
        Arrays.stream(PublicStatus.values())
            .map(s -> new Option(s.apiName(), s.apiName(), s.apiName().equals(chosen)))
            .toList();
    return new IncidentPageView(
        operator,
        i.id().toString(),
        i.title(),
        lower(i.severity().name()),
        lower(i.status().name()),
        i.isOpen(),
        i.acknowledgedAt() != null,
        i.groupKey(),
        Times.show(i.openedAt()),
        i.acknowledgedAt() == null
            ? ""
            : Times.show(i.acknowledgedAt()) + " by " + i.acknowledgedBy(),
        i.resolvedAt() == null ? "" : Times.show(i.resolvedAt()) + " by " + i.resolvedBy(),
        i.activeAlerts(),
        alerts,
        published,
        timeline,
        statuses,
        notice,
        error,
        values,
        statusPage.requireApproval(),
        escalation(details));
  }

  /** One line on where the escalation chain stands; empty until one started. */
  private static String escalation(IncidentDetails details) {
    if (details.escalation() == null) {
      return "";
    }
    var e = details.escalation().escalation();
    String done =
        "level "
            + e.level()
            + " of "
            + details.escalation().steps()
            + " (policy "
            + e.policy()
            + ")";
    return e.pending()
        ? done
            + "; step "
            + (e.nextStep() + 1)
            + " to "
            + String.join(", ", details.escalation().nextReceivers())
            + " at "
            + Times.show(e.dueAt())
        : done + "; ended: " + e.endedBy();
  }

  private static IncidentPageView.Update update(PublicUpdate u) {
    return new IncidentPageView.Update(
        u.id().toString(),
        u.status().apiName(),
        u.title() == null ? "" : u.title(),
        u.body(),
        u.author(),
        Times.show(u.createdAt()),
        u.published(),
        u.publishedBy() == null ? "" : u.publishedBy() + " at " + Times.show(u.publishedAt()));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
