package dev.vigil.incident.rest.console;

import dev.vigil.incident.domain.StillFiringException;
import dev.vigil.incident.rest.IncidentCommandResource;
import dev.vigil.incident.rest.PublicUpdateResource.PublicUpdateRequest;
import dev.vigil.incident.rest.Roles;
import dev.vigil.incident.service.IncidentCommands;
import dev.vigil.incident.service.PublicUpdates;
import dev.vigil.platform.problem.ProblemException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The incident page's forms. Each calls the same service as the REST API with the same checks;
 * success redirects back to the page (post/redirect/get), a refused form renders the page again
 * with the reason beside the form. CSRF tokens are checked by quarkus-rest-csrf before this runs.
 */
@Path("/console/incidents/{id}")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
public class ConsoleIncidentActions {

  private final IncidentCommands commands;
  private final PublicUpdates updates;
  private final IncidentPages pages;
  private final SecurityIdentity identity;

  public ConsoleIncidentActions(
      IncidentCommands commands,
      PublicUpdates updates,
      IncidentPages pages,
      SecurityIdentity identity) {
    this.commands = commands;
    this.updates = updates;
    this.pages = pages;
    this.identity = identity;
  }

  @POST
  @Path("acknowledge")
  public Response acknowledge(@PathParam("id") String id) {
    UUID incident = ConsoleIds.incident(id);
    return act(incident, "acknowledge", Map.of(), () -> commands.acknowledge(incident, actor()))
        .orElseGet(() -> done(incident, "acknowledged"));
  }

  /** Resolves; while alerts fire only with the force box ticked, else the page explains why. */
  @POST
  @Path("resolve")
  public Response resolve(
      @PathParam("id") String id,
      @FormParam("comment") String comment,
      @FormParam("force") String force) {
    UUID incident = ConsoleIds.incident(id);
    Map<String, String> typed = typed("comment", comment);
    try {
      String text = IncidentCommandResource.text("comment", comment, false);
      commands.resolve(incident, actor(), force != null, text);
    } catch (StillFiringException e) {
      FormError error =
          new FormError(
              "resolve",
              "force",
              e.firingAlerts()
                  + " alert(s) still firing. Resolving now would hide an outage that is still"
                  + " visible; tick \"Resolve although alerts still fire\" if you are sure.",
              409);
      return pages.refused(incident, operator(), error, typed);
    } catch (ProblemException e) {
      return pages.refused(incident, operator(), FormError.of("resolve", e), typed);
    }
    return done(incident, "resolved");
  }

  @POST
  @Path("notes")
  public Response note(@PathParam("id") String id, @FormParam("text") String text) {
    UUID incident = ConsoleIds.incident(id);
    return act(
            incident,
            "note",
            typed("text", text),
            () ->
                commands.addNote(
                    incident, actor(), IncidentCommandResource.text("text", text, true)))
        .orElseGet(() -> done(incident, "note"));
  }

  @POST
  @Path("public-updates")
  public Response publicUpdate(
      @PathParam("id") String id,
      @FormParam("status") String status,
      @FormParam("title") String title,
      @FormParam("body") String body,
      @FormParam("publish") String publish) {
    UUID incident = ConsoleIds.incident(id);
    PublicUpdateRequest request = new PublicUpdateRequest(status, title, body, publish != null);
    Map<String, String> typed = typed("status", status);
    typed.putAll(typed("title", title));
    typed.putAll(typed("body", body));
    return act(
            incident,
            "update",
            typed,
            () ->
                updates.post(
                    incident,
                    actor(),
                    request.checkedStatus(),
                    request.checkedTitle(),
                    request.checkedBody(),
                    request.publishNow()))
        .orElseGet(() -> done(incident, publish != null ? "published" : "update"));
  }

  /** Approves a draft: it goes public (and, with approval required, so does the incident). */
  @POST
  @Path("public-updates/{updateId}/publish")
  public Response publish(@PathParam("id") String id, @PathParam("updateId") String updateId) {
    UUID incident = ConsoleIds.incident(id);
    return act(
            incident,
            "publish",
            Map.of(),
            () -> {
              UUID update;
              try {
                update = UUID.fromString(updateId);
              } catch (IllegalArgumentException e) {
                throw ProblemException.notFound("public update", updateId);
              }
              updates.publish(incident, update, actor());
            })
        .orElseGet(() -> done(incident, "published"));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden(operator());
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return ConsoleErrors.problem(operator(), e);
  }

  /** Runs {@code action}; a refusal renders the page with the reason beside {@code form}. */
  private Optional<Response> act(
      UUID incident, String form, Map<String, String> typed, Runnable action) {
    try {
      action.run();
      return Optional.empty();
    } catch (ProblemException e) {
      if (e.problem().status() == 404 && e.problem().errors().isEmpty()) {
        throw e;
      }
      return Optional.of(pages.refused(incident, operator(), FormError.of(form, e), typed));
    }
  }

  private static Response done(UUID incident, String what) {
    return Response.seeOther(URI.create("/console/incident?id=" + incident + "&done=" + what))
        .build();
  }

  private static Map<String, String> typed(String name, String value) {
    Map<String, String> typed = new HashMap<>();
    if (value != null) {
      typed.put(name, value);
    }
    return typed;
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }

  private Operator operator() {
    return Operator.of(identity);
  }
}
