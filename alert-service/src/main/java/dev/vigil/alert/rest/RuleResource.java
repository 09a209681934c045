package dev.vigil.alert.rest;

import dev.vigil.alert.rules.CompiledRule;
import dev.vigil.alert.rules.RuleFile;
import dev.vigil.alert.service.RuleAdmin;
import dev.vigil.alert.service.RuleRegistry;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Comparator;
import java.util.List;

/**
 * Alert rules. Reading shows what is in force from every source; writing manages the rules stored
 * in PostgreSQL, which override files and default packs of the same name. Bodies are YAML or JSON
 * (JSON is YAML). Unauthenticated like the rest of the API for now: put it behind the cluster's
 * ingress authentication.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

  private final RuleRegistry registry;
  private final RuleAdmin admin;

  public RuleResource(RuleRegistry registry, RuleAdmin admin) {
    this.registry = registry;
    this.admin = admin;
  }

  @GET
  @PermitAll
  @Path("/rules")
  public List<RuleDto> list() {
    return registry.current().all().stream()
        .map(CompiledRule::spec)
        .map(RuleDto::of)
        .sorted(Comparator.comparing(RuleDto::name))
        .toList();
  }

  @GET
  @PermitAll
  @Path("/rules/{name}")
  public RuleDto get(@PathParam("name") String name) {
    return registry
        .current()
        .rule(name)
        .map(r -> RuleDto.of(r.spec()))
        .orElseThrow(() -> ProblemException.notFound("rule", name));
  }

  /** Every source of rules with its problems: where to look when a file change had no effect. */
  @GET
  @PermitAll
  @Path("/rules/files")
  public List<RuleSourceDto> files() {
    return registry.sources().stream().map(RuleSourceDto::of).toList();
  }

  /** Creates or replaces a stored rule; 400 problem+json naming the field and line on error. */
  @PUT
  @RolesAllowed(Roles.OPERATOR)
  @Path("/rules/{name}")
  @Consumes({MediaType.APPLICATION_JSON, "application/yaml", MediaType.TEXT_PLAIN})
  public Response put(@PathParam("name") String name, String body) {
    boolean created = admin.put(name, body == null ? "" : body);
    registry.reload();
    RuleDto rule = get(name);
    return (created ? Response.status(Response.Status.CREATED) : Response.ok())
        .entity(rule)
        .build();
  }

  @DELETE
  @RolesAllowed(Roles.OPERATOR)
  @Path("/rules/{name}")
  public Response delete(@PathParam("name") String name) {
    if (!admin.delete(name)) {
      throw ProblemException.notFound("stored rule", name);
    }
    registry.reload();
    return Response.noContent().build();
  }

  /** Validates a whole rule file ({@code rules: [...]}) without loading it. */
  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Path("/rules:validate")
  @Consumes({MediaType.APPLICATION_JSON, "application/yaml", MediaType.TEXT_PLAIN})
  public RuleSourceDto validate(String body) {
    RuleFile f = admin.validate(body == null ? "" : body);
    if (!f.valid()) {
      throw RuleAdmin.invalid(f.problems());
    }
    return RuleSourceDto.of(f);
  }
}
