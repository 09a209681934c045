package dev.vigil.incident.rest;

import dev.vigil.incident.domain.sla.Uptime;
import dev.vigil.incident.service.ComponentService;
import dev.vigil.incident.service.UptimeService;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Components: defined by admins, their status derived from incidents and maintenance. */
@Path("/api/v1/components")
@Produces(MediaType.APPLICATION_JSON)
public class ComponentResource {

  /** One day (or the whole span) of uptime. */
  public record UptimeDto(
      Instant from,
      Instant to,
      double percent,
      long measuredSeconds,
      long downtimeSeconds,
      long maintenanceSeconds,
      String worst) {

    static UptimeDto of(Uptime u) {
      return new UptimeDto(
          u.period().start(),
          u.period().end(),
          u.percent(),
          u.measured().toSeconds(),
          u.downtime().toSeconds(),
          u.excludedMaintenance().toSeconds(),
          u.worst().apiName());
    }
  }

  /** Answer of {@code GET .../uptime}. */
  public record DailyUptimeDto(String component, UptimeDto total, List<UptimeDto> days) {}

  static final int MAX_DAYS = 366;

  private final ComponentService components;
  private final UptimeService uptime;

  public ComponentResource(ComponentService components, UptimeService uptime) {
    this.components = components;
    this.uptime = uptime;
  }

  @GET
  public List<ComponentDto> list() {
    return components.list().stream().map(ComponentDto::of).toList();
  }

  @GET
  @Path("{id}")
  public ComponentDto get(@PathParam("id") String id) {
    return ComponentDto.of(components.get(id));
  }

  /** Creates (201) or replaces (200) a component. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response put(@PathParam("id") String id, ComponentRequest request) {
    if (request == null) {
      throw ProblemException.invalidField("body", "a component definition is required");
    }
    boolean created = components.put(request.toComponent(id));
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .entity(ComponentDto.of(components.get(id)))
        .build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@PathParam("id") String id) {
    components.delete(id);
    return Response.noContent().build();
  }

  /** Daily uptime over the last {@code days} days (default 90), in the page's time zone. */
  @GET
  @Path("{id}/uptime")
  public DailyUptimeDto uptime(@PathParam("id") String id, @QueryParam("days") String days) {
    int span = days(days);
    UptimeService.DailyUptime daily = uptime.daily(id, span);
    return new DailyUptimeDto(
        id, UptimeDto.of(daily.total()), daily.days().stream().map(UptimeDto::of).toList());
  }

  private static int days(String value) {
    if (value == null) {
      return 90;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= MAX_DAYS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.invalidField("days", "must be an integer from 1 to " + MAX_DAYS);
  }
}
