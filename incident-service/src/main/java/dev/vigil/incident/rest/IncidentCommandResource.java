package dev.vigil.incident.rest;

import dev.vigil.incident.domain.StillFiringException;
import dev.vigil.incident.service.IncidentCommands;
import dev.vigil.incident.service.IncidentQueries;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * What responders do to an incident. Every command needs an authenticated user with the {@code
 * responder} or {@code admin} role; the user's name is the actor on the timeline and in the
 * announced event.
 */
@Path("/api/v1/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
public class IncidentCommandResource {

  /** Body of {@code POST .../resolve}; both fields optional. */
  public record ResolveRequest(Boolean force, String comment) {}

  /** Body of {@code POST .../notes}. */
  public record NoteRequest(String text) {}

  /** Body of {@code PUT .../postmortem}. */
  public record PostmortemRequest(String impact, String rootCause, List<String> followUps) {}

  static final int MAX_TEXT = 10_000;

  private final IncidentCommands commands;
  private final IncidentQueries queries;
  private final SecurityIdentity identity;

  public IncidentCommandResource(
      IncidentCommands commands, IncidentQueries queries, SecurityIdentity identity) {
    this.commands = commands;
    this.queries = queries;
    this.identity = identity;
  }

  @POST
  @Path("acknowledge")
  public IncidentDetailDto acknowledge(@PathParam("id") String id) {
    UUID incidentId = QueryParams.id(id);
    commands.acknowledge(incidentId, actor());
    return IncidentDetailDto.of(queries.get(incidentId));
  }

  /** Resolves by hand; while alerts still fire, only with {@code "force": true} (else 409). */
  @POST
  @Path("resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentDetailDto resolve(@PathParam("id") String id, ResolveRequest request) {
    UUID incidentId = QueryParams.id(id);
    boolean force = request != null && Boolean.TRUE.equals(request.force());
    String comment = request == null ? null : text("comment", request.comment(), false);
    try {
      commands.resolve(incidentId, actor(), force, comment);
    } catch (StillFiringException e) {
      throw new ProblemException(
          409,
          "Alerts still firing",
          e.getMessage(),
          List.of(new Problem.FieldError("force", "must be true to resolve while alerts fire")));
    }
    return IncidentDetailDto.of(queries.get(incidentId));
  }

  @POST
  @Path("notes")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addNote(@PathParam("id") String id, NoteRequest request) {
    UUID incidentId = QueryParams.id(id);
    String text = text("text", request == null ? null : request.text(), true);
    commands.addNote(incidentId, actor(), text);
    return Response.status(Response.Status.CREATED)
        .entity(IncidentDetailDto.of(queries.get(incidentId)))
        .build();
  }

  /** Writes the post-incident review; open or resolved incidents alike. */
  @PUT
  @Path("postmortem")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentDetailDto postmortem(@PathParam("id") String id, PostmortemRequest request) {
    UUID incidentId = QueryParams.id(id);
    if (request == null) {
      throw ProblemException.invalidField("body", "a post-incident review is required");
    }
    List<String> followUps = request.followUps() == null ? List.of() : request.followUps();
    for (int i = 0; i < followUps.size(); i++) {
      text("followUps[" + i + "]", followUps.get(i), true);
    }
    commands.writePostmortem(
        incidentId,
        actor(),
        text("impact", request.impact(), true),
        text("rootCause", request.rootCause(), true),
        followUps.stream().map(String::strip).toList());
    return IncidentDetailDto.of(queries.get(incidentId));
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }

  /**
   * A free-text field, stripped; {@code null} when blank and optional. The operator console checks
   * its forms with the same rule.
   *
   * @throws ProblemException 400 naming {@code field} when blank and required, or too long
   */
  public static String text(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ProblemException.invalidField(field, "must not be blank");
      }
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw ProblemException.invalidField(field, "must be at most " + MAX_TEXT + " characters");
    }
    return value.strip();
  }
}
