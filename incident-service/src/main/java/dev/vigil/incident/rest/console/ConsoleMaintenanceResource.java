package dev.vigil.incident.rest.console;

import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.rest.MaintenanceResource.MaintenanceRequest;
import dev.vigil.incident.rest.Roles;
import dev.vigil.incident.service.ComponentService;
import dev.vigil.incident.service.MaintenanceService;
import dev.vigil.platform.problem.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maintenance windows in the console: listed for everyone signed in; scheduled and changed by the
 * same roles as over REST ({@code POST /api/v1/maintenances}: responder or admin), checked by the
 * REST API's {@link MaintenanceRequest}. Times are entered and shown in UTC.
 */
@Path("/console/maintenances")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
public class ConsoleMaintenanceResource {

  private final MaintenanceService maintenances;
  private final ComponentService components;
  private final SecurityIdentity identity;

  public ConsoleMaintenanceResource(
      MaintenanceService maintenances, ComponentService components, SecurityIdentity identity) {
    this.maintenances = maintenances;
    this.components = components;
    this.identity = identity;
  }

  @GET
  public TemplateInstance list(@QueryParam("done") String done) {
    Instant now = maintenances.now();
    List<AdminViews.MaintenanceRow> rows =
        maintenances.upcomingAndActive().stream().map(m -> row(m, now)).toList();
    return ConsoleViews.maintenances(
        new AdminViews.MaintenanceList(
            operator(), rows, "saved".equals(done) ? "Maintenance window saved." : null));
  }

  /** The form: empty for a new window, filled for {@code id}. */
  @GET
  @Path("edit")
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public TemplateInstance edit(@QueryParam("id") String id) {
    if (id == null || id.isBlank()) {
      return form("", Map.of(), List.of(), null);
    }
    Maintenance m = maintenances.get(ConsoleIds.maintenance(id));
    Map<String, String> values = new HashMap<>();
    values.put("title", m.title());
    values.put("body", m.body());
    values.put("startsAt", Times.input(m.startsAt()));
    values.put("endsAt", Times.input(m.endsAt()));
    return form(m.id().toString(), values, m.components(), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public Response create(
      @FormParam("title") String title,
      @FormParam("body") String body,
      @FormParam("components") List<String> chosen,
      @FormParam("startsAt") String startsAt,
      @FormParam("endsAt") String endsAt) {
    return save(null, title, body, chosen, startsAt, endsAt);
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public Response update(
      @PathParam("id") String id,
      @FormParam("title") String title,
      @FormParam("body") String body,
      @FormParam("components") List<String> chosen,
      @FormParam("startsAt") String startsAt,
      @FormParam("endsAt") String endsAt) {
    return save(ConsoleIds.maintenance(id), title, body, chosen, startsAt, endsAt);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden(operator());
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return ConsoleErrors.problem(operator(), e);
  }

  private Response save(
      UUID id, String title, String body, List<String> chosen, String startsAt, String endsAt) {
    List<String> picked = chosen == null ? List.of() : chosen;
    Map<String, String> values = new HashMap<>();
    values.put("title", title == null ? "" : title);
    values.put("body", body == null ? "" : body);
    values.put("startsAt", startsAt == null ? "" : startsAt);
    values.put("endsAt", endsAt == null ? "" : endsAt);
    try {
      MaintenanceRequest request =
          new MaintenanceRequest(
              title,
              body,
              picked,
              Times.parse("startsAt", startsAt),
              Times.parse("endsAt", endsAt));
      request.validate();
      if (id == null) {
        maintenances.schedule(
            title.strip(),
            body,
            picked,
            request.startsAt(),
            request.endsAt(),
            identity.getPrincipal().getName());
      } else {
        maintenances.reschedule(
            id, title.strip(), body, picked, request.startsAt(), request.endsAt());
      }
    } catch (ProblemException e) {
      if (e.problem().status() == 404) {
        throw e;
      }
      return Response.status(e.problem().status())
          .entity(
              form(id == null ? "" : id.toString(), values, picked, FormError.of("maintenance", e)))
          .build();
    }
    return Response.seeOther(URI.create("/console/maintenances?done=saved")).build();
  }

  private TemplateInstance form(
      String id, Map<String, String> values, List<String> picked, FormError error) {
    Set<String> selected = Set.copyOf(picked);
    List<Option> options =
        components.list().stream()
            .map(
                v ->
                    new Option(
                        v.component().id(),
                        v.component().name(),
                        selected.contains(v.component().id())))
            .toList();
    return ConsoleViews.maintenance(
        new AdminViews.MaintenanceForm(operator(), id, values, options, error));
  }

  private static AdminViews.MaintenanceRow row(Maintenance m, Instant now) {
    return new AdminViews.MaintenanceRow(
        m.id().toString(),
        m.title(),
        m.statusAt(now).replace('_', ' '),
        Times.show(m.startsAt()),
        Times.show(m.endsAt()),
        String.join(", ", m.components()),
        m.createdBy());
  }

  private Operator operator() {
    return Operator.of(identity);
  }
}
