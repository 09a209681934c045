package dev.vigil.scanner.rest;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.chain.ChainRegistry;
import dev.vigil.scanner.chain.ChainStatusQueries;
import dev.vigil.scanner.chain.ChainViews.ChainHealthView;
import dev.vigil.scanner.chain.ChainViews.ChainView;
import dev.vigil.scanner.chain.ChainViews.ProviderView;
import dev.vigil.scanner.chain.ChainViews.RankedView;
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

/** Chains and their providers. Reading is open; changing needs the {@code operator} role. */
@Path("/api/v1/chains")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

  private final ChainRegistry chains;
  private final ChainStatusQueries status;
  private final SecurityIdentity identity;

  public ChainResource(ChainRegistry chains, ChainStatusQueries status, SecurityIdentity identity) {
    this.chains = chains;
    this.status = status;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public Response create(@NotNull ChainRequest request, UriInfo uri) {
    ChainView created = chains.create(request.toSpec(null), actor());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @PermitAll
  public List<ChainView> list() {
    return chains.list();
  }

  @GET
  @Path("{id}")
  @PermitAll
  public ChainView get(@PathParam("id") String id) {
    return chains.get(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public ChainView replace(@PathParam("id") String id, @NotNull ChainRequest request) {
    if (request.id() != null && !request.id().equals(id)) {
      throw ProblemException.invalidField("id", "must match the path");
    }
    return chains.replace(id, request.toSpec(id), actor());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("operator")
  public Response delete(@PathParam("id") String id) {
    chains.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/providers")
  @PermitAll
  public List<ProviderView> providers(@PathParam("id") String id) {
    return chains.providers(id);
  }

  @POST
  @Path("{id}/providers")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public Response addProvider(
      @PathParam("id") String id, @NotNull ProviderRequest request, UriInfo uri) {
    ProviderView created = chains.addProvider(id, request.toInput(id), actor());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  /** Healthy providers first, by lag behind the best, then latency: the failover order. */
  @GET
  @Path("{id}/providers/ranked")
  @PermitAll
  public RankedView ranked(@PathParam("id") String id) {
    return status.ranked(id);
  }

  @GET
  @Path("{id}/providers/{providerId}")
  @PermitAll
  public ProviderView provider(
      @PathParam("id") String id, @PathParam("providerId") String providerId) {
    return chains.provider(id, providerId, true);
  }

  @PUT
  @Path("{id}/providers/{providerId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  public ProviderView replaceProvider(
      @PathParam("id") String id,
      @PathParam("providerId") String providerId,
      @NotNull ProviderRequest request) {
    return chains.replaceProvider(id, providerId, request.toInput(id), actor());
  }

  @DELETE
  @Path("{id}/providers/{providerId}")
  @RolesAllowed("operator")
  public Response deleteProvider(
      @PathParam("id") String id, @PathParam("providerId") String providerId) {
    chains.deleteProvider(id, providerId, actor());
    return Response.noContent().build();
  }

  /** The latest observation of every provider of the chain. */
  @GET
  @Path("{id}/health")
  @PermitAll
  public ChainHealthView health(@PathParam("id") String id) {
    return status.health(id);
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }
}
