package dev.vigil.scanner.rest;

import dev.vigil.scanner.chain.ApiRegistry;
import dev.vigil.scanner.chain.ChainViews.ApiView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * HTTP APIs to probe (e.g. an exchange's API). Reading is open; changing needs {@code operator}.
 */
@Path("/api/v1/apis")
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {

  private final ApiRegistry apis;
  private final SecurityIdentity identity;

  public ApiResource(ApiRegistry apis, SecurityIdentity identity) {
    this.apis = apis;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public Response create(@NotNull ApiRequest request, UriInfo uri) {
    ApiView created = apis.create(request.toInput(), actor());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @PermitAll
  public List<ApiView> list() {
    return apis.list();
  }

  @GET
  @Path("{id}")
  @PermitAll
  public ApiView get(@PathParam("id") String id) {
    return apis.get(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public ApiView replace(@PathParam("id") String id, @NotNull ApiRequest request) {
    return apis.replace(id, request.toInput(), actor());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("operator")
  public Response delete(@PathParam("id") String id) {
    apis.delete(id);
    return Response.noContent().build();
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }
}
