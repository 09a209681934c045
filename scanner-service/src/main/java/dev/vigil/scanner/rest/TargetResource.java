package dev.vigil.scanner.rest;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.domain.StartTls;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.service.TargetService;
import dev.vigil.scanner.service.TargetStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** TLS endpoints to watch. Reading is open; changing needs the {@code operator} role. */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

  private final TargetService targets;

  public TargetResource(TargetService targets) {
    this.targets = targets;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public Response register(@Valid @NotNull RegisterTargetRequest request, UriInfo uri) {
    StartTls starttls =
        StartTls.parse(request.starttls())
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "starttls", "must be one of " + StartTls.names()));
    TargetStatus created =
        targets.register(
            new TargetSpec(
                request.host(),
                request.port(),
                request.serverName(),
                request.labels(),
                starttls,
                Boolean.TRUE.equals(request.allAddresses())));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
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

  @DELETE
  @Path("{id}")
  @RolesAllowed("operator")
  public Response delete(@PathParam("id") String id) {
    targets.delete(id);
    return Response.noContent().build();
  }
}
