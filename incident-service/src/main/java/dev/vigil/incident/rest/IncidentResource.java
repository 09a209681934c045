package dev.vigil.incident.rest;

import dev.vigil.incident.service.IncidentQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read API over incidents. Unauthenticated for now: it exposes nothing an alert does not. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

  private final IncidentQueries queries;

  public IncidentResource(IncidentQueries queries) {
    this.queries = queries;
  }

  /**
   * Incidents, newest first.
   *
   * @param status {@code open}, {@code resolved} or {@code all} (default)
   * @param limit 1 to 500, default 100
   */
  @GET
  public List<IncidentSummaryDto> list(
      @QueryParam("status") String status, @QueryParam("limit") String limit) {
    return queries.list(QueryParams.status(status), QueryParams.limit(limit)).stream()
        .map(IncidentSummaryDto::of)
        .toList();
  }

  /** One incident with its alerts and timeline. */
  @GET
  @Path("{id}")
  public IncidentDetailDto get(@PathParam("id") String id) {
    return IncidentDetailDto.of(queries.get(QueryParams.id(id)));
  }
}
