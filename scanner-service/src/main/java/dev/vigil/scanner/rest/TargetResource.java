package dev.vigil.scanner.rest;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.service.TargetService;
import dev.vigil.scanner.service.TargetStatus;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** TLS endpoints to watch. Reading is open; changing needs the {@code operator} role. */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

  private final TargetService targets;
  private final SecurityIdentity identity;

  public TargetResource(TargetService targets, SecurityIdentity identity) {
    this.targets = targets;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public Response register(@Valid @NotNull RegisterTargetRequest request, UriInfo uri) {
    TargetStatus created = targets.register(request.toDefinition(""), actor());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  /** Bulk import from CSV, YAML or JSON; all targets are registered, or none. */
  @POST
  @Path("import")
  @Consumes({
    "text/csv",
    "application/yaml",
    "application/x-yaml",
    "text/yaml",
    MediaType.APPLICATION_JSON
  })
  @RolesAllowed("operator")
  public Response importTargets(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
    List<RegisterTargetRequest> rows = TargetImportParser.parse(type, body);
    List<Problem.FieldError> missing = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).host() == null) {
        missing.add(new Problem.FieldError("targets[" + i + "].host", "must not be blank"));
      }
      if (rows.get(i).port() == null) {
        missing.add(new Problem.FieldError("targets[" + i + "].port", "must not be null"));
      }
    }
    if (!missing.isEmpty()) {
      throw new ProblemException(
          400, "Invalid import", missing.get(0).field() + ": " + missing.get(0).message(), missing);
    }
    List<TargetService.Definition> definitions = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      definitions.add(rows.get(i).toDefinition("targets[" + i + "]."));
    }
    List<TargetStatus> created = targets.registerAll(definitions, actor());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @PermitAll
  public List<TargetStatus> list() {
    return targets.list();
  }

  @GET
  @Path("{id}")
  @PermitAll
  public TargetStatus get(@PathParam("id") String id) {
    return targets.get(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public TargetStatus replace(
      @PathParam("id") String id, @Valid @NotNull RegisterTargetRequest request) {
    return targets.replace(id, request.toDefinition(""), actor());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("operator")
  public Response delete(@PathParam("id") String id) {
    targets.delete(id);
    return Response.noContent().build();
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }
}
