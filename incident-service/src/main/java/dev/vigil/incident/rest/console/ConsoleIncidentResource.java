package dev.vigil.incident.rest.console;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.incident.domain.IncidentSearch;
import dev.vigil.incident.domain.PageCursor;
import dev.vigil.incident.rest.Roles;
import dev.vigil.incident.service.ComponentService;
import dev.vigil.incident.service.IncidentSearchService;
import dev.vigil.platform.problem.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The console's incident pages: the filtered list and one incident. Server-rendered HTML, usable
 * without JavaScript; the forms on the incident page post to {@link ConsoleIncidentActions}.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
public class ConsoleIncidentResource {

  static final int PAGE_SIZE = 25;

  private final IncidentSearchService search;
  private final ComponentService components;
  private final IncidentPages pages;
  private final SecurityIdentity identity;

  public ConsoleIncidentResource(
      IncidentSearchService search,
      ComponentService components,
      IncidentPages pages,
      SecurityIdentity identity) {
    this.search = search;
    this.components = components;
    this.pages = pages;
    this.identity = identity;
  }

  @GET
  public Response home() {
    return Response.seeOther(URI.create("/console/incidents")).build();
  }

  /** Incidents newest first, filtered by state, severity and component, 25 to a page. */
  @GET
  @Path("incidents")
  public Response list(
      @QueryParam("status") String status,
      @QueryParam("severity") String severity,
      @QueryParam("component") String component,
      @QueryParam("cursor") String cursor) {
    String error = null;
    IncidentFilter state = IncidentFilter.OPEN;
    Severity wanted = null;
    PageCursor after = null;
    if (status != null && !status.isBlank()) {
      Optional<IncidentFilter> parsed = IncidentFilter.parse(status);
      if (parsed.isPresent()) {
        state = parsed.get();
      } else {
        error = "Status must be one of " + IncidentFilter.accepted() + ".";
      }
    }
    if (severity != null && !severity.isBlank()) {
      wanted = severity(severity);
      if (wanted == null) {
        error = "Severity must be critical, warning or info.";
      }
    }
    if (cursor != null && !cursor.isBlank()) {
      after = PageCursor.decode(cursor).orElse(null);
      if (after == null) {
        error = "That page link is not valid any more; showing the first page.";
      }
    }
    IncidentSearch criteria = new IncidentSearch(state, wanted, component);
    List<Incident> page = search.search(criteria, PAGE_SIZE, after);
    String next = null;
    if (page.size() == PAGE_SIZE) {
      next =
          UriBuilder.fromPath("/console/incidents")
              .queryParam("status", lower(state.name()))
              .queryParam("severity", wanted == null ? "" : lower(wanted.name()))
              .queryParam("component", criteria.component() == null ? "" : criteria.component())
              .queryParam("cursor", PageCursor.after(page.get(page.size() - 1)).encode())
              .build()
              .toString();
    }
    IncidentListView view =
        new IncidentListView(
            operator(),
            options(
                Arrays.stream(IncidentFilter.values()).map(f -> lower(f.name())).toList(),
                lower(state.name()),
                null),
            options(
                Arrays.stream(Severity.values()).map(s -> lower(s.name())).toList(),
                wanted == null ? "" : lower(wanted.name()),
                "any severity"),
            componentOptions(criteria.component()),
            page.stream().map(IncidentListView.Row::of).toList(),
            error,
            next,
            state != IncidentFilter.OPEN || wanted != null || criteria.component() != null);
    TemplateInstance body = ConsoleViews.incidents(view);
    return Response.status(error == null ? 200 : 400).entity(body).build();
  }

  /** One incident. A query parameter rather than a path segment: see README, CSRF. */
  @GET
  @Path("incident")
  public TemplateInstance detail(@QueryParam("id") String id, @QueryParam("done") String done) {
    return pages.page(ConsoleIds.incident(id), operator(), done);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden(operator());
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return ConsoleErrors.problem(operator(), e);
  }

  private Operator operator() {
    return Operator.of(identity);
  }

  private List<Option> componentOptions(String selected) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "any component", selected == null));
    components
        .list()
        .forEach(
            c ->
                options.add(
                    new Option(
                        c.component().id(),
                        c.component().name(),
                        c.component().id().equals(selected))));
    return options;
  }

  private static List<Option> options(List<String> values, String selected, String anyLabel) {
    List<Option> options = new ArrayList<>();
    if (anyLabel != null) {
      options.add(new Option("", anyLabel, selected.isEmpty()));
    }
    values.forEach(v -> options.add(new Option(v, v, v.equals(selected))));
    return options;
  }

  private static Severity severity(String value) {
    try {
      return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
