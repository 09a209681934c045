package dev.vigil.incident.rest;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.incident.domain.IncidentSearch;
import dev.vigil.incident.domain.PageCursor;
import dev.vigil.incident.service.IncidentQueries;
import dev.vigil.incident.service.IncidentSearchService;
import dev.vigil.incident.service.ResponseTimeService;
import dev.vigil.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Read API over incidents. Unauthenticated for now: it exposes nothing an alert does not. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

  private final IncidentQueries queries;
  private final IncidentSearchService search;
  private final ResponseTimeService responseTimes;
  private final Clock clock;

  public IncidentResource(
      IncidentQueries queries,
      IncidentSearchService search,
      ResponseTimeService responseTimes,
      Clock clock) {
    this.queries = queries;
    this.search = search;
    this.responseTimes = responseTimes;
    this.clock = clock;
  }

  /**
   * Incidents, newest first.
   *
   * @param status {@code open}, {@code resolved} or {@code all} (default)
   * @param severity only this severity ({@code critical}, {@code warning}, {@code info})
   * @param component only incidents that affected this component id
   * @param limit 1 to 500, default 100
   * @param cursor where the page starts: taken from the previous page's {@code Link: rel="next"}
   */
  @GET
  public Response list(
      @QueryParam("status") String status,
      @QueryParam("severity") String severity,
      @QueryParam("component") String component,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    IncidentFilter filter = QueryParams.status(status);
    Severity wanted = severity == null ? null : QueryParams.severity(severity);
    int size = QueryParams.limit(limit);
    PageCursor after =
        cursor == null
            ? null
            : PageCursor.decode(cursor)
                .orElseThrow(
                    () ->
                        ProblemException.invalidField(
                            "cursor", "is not a cursor from a Link header"));
    List<Incident> page =
        wanted == null && component == null
            ? queries.list(filter, size, after)
            : search.search(new IncidentSearch(filter, wanted, component), size, after);
    Response.ResponseBuilder response =
        Response.ok(page.stream().map(IncidentSummaryDto::of).toList());
    if (page.size() == size) {
      // A full page may have a successor: RFC 8288 Link header, so the body stays a plain array.
      URI next =
          uri.getRequestUriBuilder()
              .replaceQueryParam("cursor", PageCursor.after(page.get(page.size() - 1)).encode())
              .build();
      response.link(next, "next");
    }
    return response.build();
  }

  /** MTTA/MTTR figures of one component and severity; durations in seconds, null when none. */
  public record ResponseTimeDto(
      String component,
      Severity severity,
      int incidents,
      int acknowledged,
      int resolved,
      Long mttaSeconds,
      Long mttrSeconds) {}

  /**
   * Mean time to acknowledge and to resolve per component and severity, over the incidents opened
   * in {@code [from, to)} (ISO-8601 instants; default: the last 30 days).
   */
  @GET
  @Path("response-times")
  public List<ResponseTimeDto> responseTimes(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    Instant end = to == null ? clock.instant() : QueryParams.instant("to", to);
    Instant start =
        from == null ? end.minus(Duration.ofDays(30)) : QueryParams.instant("from", from);
    if (!end.isAfter(start)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    return responseTimes.between(start, end).stream()
        .map(
            r ->
                new ResponseTimeDto(
                    r.component(),
                    r.severity(),
                    r.incidents(),
                    r.acknowledged(),
                    r.resolved(),
                    r.mtta() == null ? null : r.mtta().toSeconds(),
                    r.mttr() == null ? null : r.mttr().toSeconds()))
        .toList();
  }

  /** One incident with its alerts and timeline. */
  @GET
  @Path("{id}")
  public IncidentDetailDto get(@PathParam("id") String id) {
    return IncidentDetailDto.of(queries.get(QueryParams.id(id)));
  }
}
