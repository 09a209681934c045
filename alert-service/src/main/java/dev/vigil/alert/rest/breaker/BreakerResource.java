package dev.vigil.alert.rest.breaker;

import dev.vigil.alert.rest.Roles;
import dev.vigil.alert.rest.breaker.BreakerDtos.BreakerDto;
import dev.vigil.alert.rest.breaker.BreakerDtos.FileDto;
import dev.vigil.alert.rest.breaker.BreakerDtos.OverrideRequest;
import dev.vigil.alert.rest.breaker.BreakerDtos.ScopeDto;
import dev.vigil.alert.service.breaker.BreakerControl;
import dev.vigil.alert.service.breaker.BreakerQueries;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Circuit breakers: their state per scope, their history, manual overrides and stored definitions.
 * Reads are public; changes need the operator role, and an override records the authenticated user
 * as its author.
 */
@Path("/api/v1/breakers")
@Produces(MediaType.APPLICATION_JSON)
public class BreakerResource {

  private static final int MAX_HISTORY = 1000;

  private final BreakerQueries queries;
  private final BreakerControl control;

  public BreakerResource(BreakerQueries queries, BreakerControl control) {
    this.queries = queries;
    this.control = control;
  }

  @GET
  @PermitAll
  public List<BreakerDto> list() {
    return queries.all().entrySet().stream()
        .map(e -> BreakerDto.of(e.getKey(), queries.origin(e.getKey().name()), e.getValue(), null))
        .toList();
  }

  /** The shipped pack and every file of the breakers directory, valid or not, with problems. */
  @GET
  @PermitAll
  @Path("/files")
  public List<FileDto> files() {
    return queries.files().stream().map(FileDto::of).toList();
  }

  @GET
  @PermitAll
  @Path("/{name}")
  public BreakerDto get(
      @PathParam("name") String name, @QueryParam("limit") @DefaultValue("100") int limit) {
    return BreakerDto.of(
        queries.breaker(name),
        queries.origin(name),
        queries.scopes(name),
        queries.history(name, null, limit(limit)));
  }

  @GET
  @PermitAll
  @Path("/{name}/scopes/{scope}")
  public ScopeDto scope(
      @PathParam("name") String name,
      @PathParam("scope") String scope,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return ScopeDto.of(queries.scope(name, scope), queries.history(name, scope, limit(limit)));
  }

  /** Forces a scope OPEN or CLOSED until cleared (or {@code until}). */
  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Path("/{name}/scopes/{scope}/override")
  @Consumes(MediaType.APPLICATION_JSON)
  public ScopeDto override(
      @PathParam("name") String name,
      @PathParam("scope") String scope,
      OverrideRequest body,
      @Context SecurityContext caller) {
    if (body == null) {
      throw ProblemException.invalidField("body", "required: {state, why, until?}");
    }
    control.override(
        name, scope, body.state(), caller.getUserPrincipal().getName(), body.why(), body.until());
    return ScopeDto.of(queries.scope(name, scope));
  }

  /** Hands the scope back to the alerts; the caller and {@code why} are recorded. */
  @DELETE
  @RolesAllowed(Roles.OPERATOR)
  @Path("/{name}/scopes/{scope}/override")
  public ScopeDto clear(
      @PathParam("name") String name,
      @PathParam("scope") String scope,
      @QueryParam("why") String why,
      @Context SecurityContext caller) {
    control.clear(name, scope, caller.getUserPrincipal().getName(), why);
    return ScopeDto.of(queries.scope(name, scope));
  }

  /** Creates or replaces a stored definition (YAML or JSON); 400 naming the field on error. */
  @PUT
  @RolesAllowed(Roles.OPERATOR)
  @Path("/{name}")
  @Consumes({MediaType.APPLICATION_JSON, "application/yaml", MediaType.TEXT_PLAIN})
  public Response put(@PathParam("name") String name, String body) {
    boolean created = control.put(name, body == null ? "" : body);
    Response.ResponseBuilder r = created ? Response.status(Response.Status.CREATED) : Response.ok();
    return r.entity(
            queries.all().keySet().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .map(s -> BreakerDto.of(s, queries.origin(name), queries.scopes(name), null))
                .orElse(null))
        .build();
  }

  /** Deletes a stored definition; a shipped breaker of that name comes back in force. */
  @DELETE
  @RolesAllowed(Roles.OPERATOR)
  @Path("/{name}")
  public Response delete(@PathParam("name") String name) {
    if (!control.delete(name)) {
      throw ProblemException.notFound("stored breaker", name);
    }
    return Response.noContent().build();
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > MAX_HISTORY) {
      throw ProblemException.invalidField("limit", "1.." + MAX_HISTORY);
    }
    return limit;
  }
}
